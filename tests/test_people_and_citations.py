"""One review rule (issue 20): when a review falls due is decided once, and the models, the admin's review
filter and queue and the article workflow all read it from there, in Python and in SQL alike.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article
from clinic.core.admin import ReviewStateFilter
from clinic.core.review_dates import REVIEW_DUE_SOON, REVIEW_INTERVAL, ReviewState
from conditions.models import Condition
from tests.factories import ArticleFactory, ConditionFactory

# One review rule


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reviewed_days_ago", "due_in_days", "state"),
    [
        (REVIEW_INTERVAL.days + 10, None, ReviewState.OVERDUE),  # no due date set: a year after the review
        (REVIEW_INTERVAL.days - 10, None, ReviewState.DUE_SOON),
        (REVIEW_INTERVAL.days - REVIEW_DUE_SOON.days - 1, None, ""),
        (30, -1, ReviewState.OVERDUE),  # the due date set wins over the interval
        (30, 0, ReviewState.DUE_SOON),
        (30, REVIEW_DUE_SOON.days, ReviewState.DUE_SOON),
        (30, REVIEW_DUE_SOON.days + 1, ""),
    ],
)
def test_every_reader_of_the_review_rule_agrees(rf, reviewed_days_ago, due_in_days, state):
    today = timezone.localdate()
    due = today + timedelta(days=due_in_days) if due_in_days is not None else None
    condition = ConditionFactory(last_reviewed=today - timedelta(days=reviewed_days_ago), next_review_due=due)
    article = ArticleFactory(published=True, last_reviewed=condition.last_reviewed, next_review_due=due)

    assert condition.review_state == article.review_state == state
    for value, label in (("overdue", ReviewState.OVERDUE), ("soon", ReviewState.DUE_SOON)):
        listed = ReviewStateFilter(rf.get("/", {"review": value}), {"review": [value]}, Condition, None)
        assert listed.queryset(None, Condition.objects.all()).contains(condition) is (state == label), value
    assert Condition.objects.review_queue().contains(condition) is bool(state)
    overdue = state == ReviewState.OVERDUE
    assert workflow.is_review_overdue(article) is overdue
    assert Article.objects.filter(workflow.stage_q(workflow.OVERDUE)).contains(article) is overdue
    assert ("Review overdue" in workflow.status_badge(article)) is overdue
