"""When a medical review falls due: the interval, the warning period and the one rule joining them.

Everything that dates a review reads it from here: the models (domain.models.Reviewed), the admin's
review filter and queue, the article workflow's overdue badge, the content loader and the generators.
The rule: the next review falls due on the date a reviewer set, else REVIEW_INTERVAL after the last
review. Days are the clinic's (timezone.localdate()), never the server's.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# A medical sign-off lasts this long unless the reviewer sets another date; the queue warns this early.
REVIEW_INTERVAL = timedelta(days=365)
REVIEW_DUE_SOON = timedelta(days=30)
_ONE_DAY = timedelta(days=1)


class ReviewState:
    """The words the review queue, its filter and the forms use for where an item's review stands."""

    CHANGED = _("Changed since review")
    OVERDUE = _("Overdue")
    DUE_SOON = format_lazy(_("Due within {days} days"), days=REVIEW_DUE_SOON.days)
    NEVER = _("Never reviewed")
    # The queue lists what most needs a reviewer first.
    QUEUE_ORDER = (CHANGED, OVERDUE, DUE_SOON, NEVER)


def next_review_after(day):
    """Return the day a review done on day falls due again."""
    return day + REVIEW_INTERVAL


def review_due(last_reviewed, next_review_due):
    """Return the day the next review falls due: the one set, else one interval after the last; None
    when never reviewed."""
    if next_review_due:
        return next_review_due
    return next_review_after(last_reviewed) if last_reviewed else None


def due_by(day):
    """Return a filter for rows whose next review falls due on or before day: review_due() in SQL."""
    unset = Q(next_review_due__isnull=True, last_reviewed__lte=day - REVIEW_INTERVAL)
    return Q(next_review_due__lte=day) | unset


def overdue(today):
    """Return a filter for rows whose next review fell due before today."""
    return due_by(today - _ONE_DAY)


def due_soon(today):
    """Return a filter for rows whose next review falls due from today to REVIEW_DUE_SOON later."""
    return due_by(today + REVIEW_DUE_SOON) & ~overdue(today)
