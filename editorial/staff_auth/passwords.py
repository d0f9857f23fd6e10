"""Password rules beyond Django's own (README, "Staff sign-in": not like the username or name)."""

import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Shorter pieces of a name ("Al", "Jo") occur inside too many unrelated words to count as the name.
SHORTEST_NAME_PART = 3


class PersonalInfoSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    """Django's similarity check, and: a password that is mostly the username or name is too like it.

    Django compares the whole password with each attribute, so the username twice (author2author2), or
    with a few characters added, passes its check. Here every copy of the username, the names and the
    email's local part is taken out of the password, and what is left must be min_own_characters long.
    """

    def __init__(self, user_attributes=None, max_similarity=0.7, min_own_characters=8):
        super().__init__(user_attributes or self.DEFAULT_USER_ATTRIBUTES, max_similarity)
        self.min_own_characters = min_own_characters

    def validate(self, password, user=None):
        super().validate(password, user)
        if not user:
            return
        lowered = password.lower()
        rest = lowered
        for part in sorted(self._name_parts(user), key=len, reverse=True):
            rest = rest.replace(part, "")
        if rest != lowered and len(rest) < self.min_own_characters:
            raise ValidationError(
                ngettext(
                    "This password is too much like your username or name: without them, only %(left)d "
                    "character is left. Use at least %(needed)d characters besides them.",
                    "This password is too much like your username or name: without them, only %(left)d "
                    "characters are left. Use at least %(needed)d characters besides them.",
                    len(rest),
                ),
                code="password_too_similar",
                params={"left": len(rest), "needed": self.min_own_characters},
            )

    def get_help_text(self):
        return _(
            "Your password can’t be too similar to your other personal information, nor your username or "
            "name repeated or with a few characters added."
        )

    def _name_parts(self, user) -> set[str]:
        parts = set()
        for attribute_name in self.user_attributes:
            value = getattr(user, attribute_name, None)
            if not value or not isinstance(value, str):
                continue
            value = value.lower()
            if attribute_name == "email":
                value = value.partition("@")[0]  # the domain names no one
            pieces = [value, *re.split(r"\W+", value)]
            parts.update(piece for piece in pieces if len(piece) >= SHORTEST_NAME_PART)
        return parts
