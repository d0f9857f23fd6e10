"""Demo content loader; filled in by this app's issue."""


def load():
    """Create or update this app's demo content in place."""
