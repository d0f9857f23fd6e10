"""The one rule for an address that must stay on this site: a path beginning with a single /.

Redirects (typed in the admin, recorded when a page moves or is deleted, and followed by the middleware)
all use it, so that no old address can send a reader to another site.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _


def has_control_characters(text: str) -> bool:
    """Return whether text holds a control, format or unassigned character (NUL, a line break, a bidi
    override), which no address on this site has and which browsers strip or act on in surprising ways."""
    return any(unicodedata.category(char)[0] == "C" for char in text)


def is_local_path(path: str) -> bool:
    """Return whether path is an address on this site that a browser cannot read as another host."""
    return (
        bool(path)
        and path.startswith("/")
        # //host and /\host are another site to a browser; no page here has a backslash in its address.
        and not path.startswith("//")
        and "\\" not in path
        and not any(char.isspace() for char in path)
        and not has_control_characters(path)
        and url_has_allowed_host_and_scheme(path, allowed_hosts=None)
    )


def validate_local_path(value: str) -> None:
    if not is_local_path(value):
        raise ValidationError(
            _(
                "Enter an address on this site: a path beginning with a single /, such as "
                "/articles/new-name/, with no spaces. Addresses of other sites (https://…, //…) are "
                "not accepted."
            ),
            code="not_local_path",
        )
