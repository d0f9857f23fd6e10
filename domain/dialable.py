"""Numbers readers tap to call or text: shown as the clinic writes them, dialled from their digits.

A number that a phone can't dial must never reach a page: "nine one one" or "ring us" would show as the
emergency number and make a "Call" link that dials nothing.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WRITTEN_NUMBER = re.compile(r"\+?[\d\s().\-/]+")
MIN_DIGITS = 3  # 911, 988, 112, 999
MAX_DIGITS = 15  # the longest international number (E.164)


def digits(number: str) -> str:
    """Return what a phone dials for number: its digits, after a leading + if it has one."""
    number = number.strip()
    dialled = "".join(character for character in number if character.isdigit())
    return f"+{dialled}" if number.startswith("+") and dialled else dialled


def tel_link(number: str) -> str:
    dialled = digits(number)
    return f"tel:{dialled}" if dialled else ""


def validate_dialable(value: str):
    """Refuse a number a phone can't dial from a link, saying what to write instead."""
    value = value.strip()
    if not WRITTEN_NUMBER.fullmatch(value):
        raise ValidationError(
            _(
                "“%(value)s” is not a number a phone can dial. Write it in digits, as readers dial it "
                "(spaces, dashes, dots, brackets and a leading + are fine), e.g. 988 or (555) 010-0142."
            ),
            code="not_dialable",
            params={"value": value},
        )
    count = len(digits(value).lstrip("+"))
    if count < MIN_DIGITS:
        raise ValidationError(
            _("“%(value)s” has %(count)s digit(s): a number to call needs at least %(minimum)s, e.g. 988."),
            code="too_short",
            params={"value": value, "count": count, "minimum": MIN_DIGITS},
        )
    if count > MAX_DIGITS:
        raise ValidationError(
            _("“%(value)s” has %(count)s digits, more than any phone number (%(maximum)s at most)."),
            code="too_long",
            params={"value": value, "count": count, "maximum": MAX_DIGITS},
        )
