"""Who may see and decide the library's proposals: the item's own admin permissions decide, so no one
changes through a proposal what they could not change in the item's form."""

from .kinds import KINDS


def kinds_user_may(user, action):
    """Return the kinds of item user may view (or change) in their own admin forms."""
    return [
        name
        for name, kind in KINDS.items()
        if user.has_perm(f"{kind.model._meta.app_label}.{action}_{kind.model._meta.model_name}")
    ]


def may_decide(user, proposal):
    return user.has_perm("library.change_libraryproposal") and proposal.kind in kinds_user_may(user, "change")
