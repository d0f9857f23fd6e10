"""The editorial workflow (issue 13, points 2, 4 and 7): buttons with plain results, badges, notifications,
the admin home's counts and "Waiting for you", the scheduled list, and where people land after login."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Status, WorkflowEvent, WorkflowStep
from tests.factories import ArticleFactory, AuthorFactory, member_of
from tests.helpers import change_url, form_data

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")


def _press(client, article, action, **changes):
    data = form_data(client.get(change_url(article)), _workflow=action, **changes)
    return client.post(change_url(article), data, follow=True)


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def test_author_submits_with_the_button_and_editors_are_told(client, author_user, editor, mailoutbox):
    article = ArticleFactory(author=author_user.author_profile, title="Sleep after an infusion")
    client.force_login(author_user)
    page = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in page and 'value="publish"' not in page and 'value="schedule"' not in page

    response = _press(client, article, "submit")

    assert "Submitted; the editors have been told." in _messages(response)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert [mail.to for mail in mailoutbox] == [[editor.email]]
    assert "Sleep after an infusion" in mailoutbox[0].subject
    assert change_url(article) in mailoutbox[0].body
    assert WorkflowEvent.objects.get(article=article).step == WorkflowStep.SUBMITTED


def test_author_cannot_press_an_editors_button_by_hand(client, author_user):
    reviewer = AuthorFactory(reviewer=True).person
    article = ArticleFactory(author=author_user.author_profile, reviewer=reviewer, last_reviewed=date.today())
    client.force_login(author_user)

    response = _press(client, article, "publish")

    assert "isn't open to you" in " ".join(response.context["adminform"].form.non_field_errors())
    article.refresh_from_db()
    assert article.status == Status.DRAFT and not WorkflowEvent.objects.exists()


def test_send_back_needs_a_comment_and_keeps_it_with_the_article(client, author_user, editor, mailoutbox):
    article = ArticleFactory(author=author_user.author_profile, in_review=True, title="Driving home")
    client.force_login(editor)

    refused = _press(client, article, "send_back")
    assert "Say what needs to change" in refused.content.decode()
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    response = _press(client, article, "send_back", workflow_comment="Cite the 2019 trial for the dose.")

    assert "Sent back to draft with your comment. Wren Writer has been told." in _messages(response)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert mailoutbox[-1].to == [author_user.email]
    assert "Cite the 2019 trial for the dose." in mailoutbox[-1].body
    assert "Changes requested" in mailoutbox[-1].subject
    event = article.workflow_events.get()
    assert event.step == WorkflowStep.SENT_BACK and event.comment == "Cite the 2019 trial for the dose."
    # The comment stays on the article's page for the author.
    client.force_login(author_user)
    assert "Cite the 2019 trial for the dose." in client.get(change_url(article)).content.decode()


def test_publish_now_says_where_it_is_live_and_tells_the_author(client, author_user, editor, mailoutbox):
    reviewer = AuthorFactory(reviewer=True).person
    article = ArticleFactory(author=author_user.author_profile, in_review=True, slug="rest")
    client.force_login(editor)

    response = _press(
        client, article, "publish", reviewer=reviewer.pk, last_reviewed=date.today().isoformat()
    )

    assert "Published; it is live at /articles/rest/. Wren Writer has been told." in _messages(response)
    article.refresh_from_db()
    assert article.is_public
    assert mailoutbox[-1].to == [author_user.email] and "Published" in mailoutbox[-1].subject


def test_publish_now_without_review_shows_the_rule_and_changes_nothing(client, editor):
    article = ArticleFactory(in_review=True)
    client.force_login(editor)

    response = _press(client, article, "publish")

    assert "needs a medical reviewer" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_schedule_says_when_and_unschedule_takes_it_back(client, author_user, editor, mailoutbox, settings):
    settings.TIME_ZONE = "America/New_York"
    reviewer = AuthorFactory(reviewer=True).person
    article = ArticleFactory(author=author_user.author_profile, in_review=True)
    client.force_login(editor)
    year = timezone.now().year + 1
    go_live = timezone.datetime(year, 12, 2, 9, 0)

    response = _press(
        client, article, "schedule", reviewer=reviewer.pk, last_reviewed=date.today().isoformat(),
        published_at_0=go_live.date().isoformat(), published_at_1="09:00:00",
    )  # fmt: skip

    expected = f"Scheduled for {go_live:%a} 2 Dec, 9:00. Wren Writer has been told."
    assert expected in _messages(response)
    article.refresh_from_db()
    assert article.is_scheduled
    assert f"Scheduled for {go_live:%a} 2 Dec, 9:00" in mailoutbox[-1].subject

    response = _press(client, article, "unschedule")
    assert "Unscheduled; it won't go live and is back in review." in _messages(response)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW and article.published_at is None


def test_schedule_needs_a_time_in_the_future(client, editor):
    reviewer = AuthorFactory(reviewer=True).person
    article = ArticleFactory(in_review=True, reviewer=reviewer, last_reviewed=date.today())
    client.force_login(editor)

    response = _press(client, article, "schedule")

    assert "set a publish time in the future" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_a_button_never_bypasses_the_edit_conflict_rule(client, editor, author_user):
    article = ArticleFactory(author=author_user.author_profile)
    client.force_login(author_user)
    data = form_data(client.get(change_url(article)), _workflow="submit")
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() + timedelta(seconds=5))

    response = client.post(change_url(article), data)

    assert response.status_code == 200 and "after you opened it" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_step_between_names_each_move():
    now = timezone.now()
    cases = [
        (None, Status.IN_REVIEW, None, WorkflowStep.SUBMITTED),
        ({"status": Status.DRAFT, "published_at": None}, Status.IN_REVIEW, None, WorkflowStep.SUBMITTED),
        ({"status": Status.IN_REVIEW, "published_at": None}, Status.DRAFT, None, WorkflowStep.SENT_BACK),
        ({"status": Status.IN_REVIEW, "published_at": None}, Status.PUBLISHED, now, WorkflowStep.PUBLISHED),
        ({"status": Status.IN_REVIEW, "published_at": None}, Status.PUBLISHED, now + timedelta(days=1),
         WorkflowStep.SCHEDULED),
        ({"status": Status.PUBLISHED, "published_at": now + timedelta(days=1)}, Status.IN_REVIEW, None,
         WorkflowStep.UNSCHEDULED),
        ({"status": Status.PUBLISHED, "published_at": now - timedelta(days=1)}, Status.ARCHIVED,
         now - timedelta(days=1), WorkflowStep.ARCHIVED),
        ({"status": Status.DRAFT, "published_at": None}, Status.DRAFT, None, None),
        (None, Status.DRAFT, None, None),
    ]  # fmt: skip
    for before, status, published_at, expected in cases:
        article = Article(status=status, published_at=published_at)
        assert workflow.step_between(before, article) == expected, (before, status)


def test_badges_everywhere_in_the_changelist(client, editor):
    ArticleFactory(title="A draft")
    ArticleFactory(title="In the queue", in_review=True)
    scheduled = ArticleFactory(title="Coming soon", scheduled=True)
    ArticleFactory(title="Old news", archived=True)
    ArticleFactory(title="Needs a look", published=True, next_review_due=date.today() - timedelta(days=3))
    client.force_login(editor)

    html = client.get(CHANGELIST_URL).content.decode()

    for badge in ("badge-draft", "badge-review", "badge-scheduled", "badge-live", "badge-archived",
                  "badge-overdue"):  # fmt: skip
        assert badge in html, badge
    assert f"Scheduled · {workflow.when(scheduled.published_at)}" in html
    assert "Review overdue" in html
    # What waits for an editor comes first.
    assert (
        html.index("In the queue")
        < html.index("A draft")
        < html.index("Coming soon")
        < html.index("Old news")
    )


def test_scheduled_list_with_times_and_unschedule_action(client, editor):
    later = ArticleFactory(title="Later", scheduled=True, published_at=timezone.now() + timedelta(days=9))
    sooner = ArticleFactory(title="Sooner", scheduled=True)
    ArticleFactory(title="Already live", published=True)
    client.force_login(editor)

    html = client.get(CHANGELIST_URL + "?stage=scheduled").content.decode()
    assert "Already live" not in html
    assert html.index("Sooner") < html.index("Later")
    assert workflow.when(later.published_at) in html

    response = client.post(
        CHANGELIST_URL, {"action": "unschedule", "_selected_action": [sooner.pk, later.pk]}, follow=True
    )
    assert "Unscheduled (back in review)" in response.content.decode()
    sooner.refresh_from_db()
    assert sooner.status == Status.IN_REVIEW and sooner.published_at is None


def test_admin_home_counts_and_waiting_for_you_for_an_editor(client, editor):
    ArticleFactory(title="Please review me", in_review=True)
    ArticleFactory(scheduled=True)
    ArticleFactory(title="Stale advice", published=True, next_review_due=date.today() - timedelta(days=1))
    client.force_login(editor)

    html = client.get(reverse("admin:index")).content.decode()

    assert "Waiting for you" in html
    assert "<strong>1</strong> awaiting review" in html and "?stage=in_review" in html
    assert "<strong>1</strong> scheduled" in html and "?stage=scheduled" in html
    assert "<strong>1</strong> review overdue" in html and "?stage=overdue" in html
    assert "Please review me" in html and "Stale advice" in html


def test_admin_home_shows_an_author_their_drafts_and_what_was_sent_back(client, author_user, editor):
    article = ArticleFactory(author=author_user.author_profile, title="My piece", in_review=True)
    client.force_login(editor)
    _press(client, article, "send_back", workflow_comment="Shorter sentences, please.")
    client.force_login(author_user)

    html = client.get(reverse("admin:index")).content.decode()

    assert "<strong>1</strong> my drafts" in html and "?stage=mine" in html
    assert "My piece" in html and "Shorter sentences, please." in html


def test_clinic_staff_see_no_editorial_panel(client):
    ArticleFactory(title="Please review me", in_review=True)  # an editor's home would list it
    client.force_login(member_of("Clinic staff", username="desk"))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/admin/conditions/"' in html  # their own work is there
    assert "Waiting for you" not in html and "Please review me" not in html


def test_login_without_next_lands_on_the_admin(client, settings):
    member_of("Editors", username="eda")
    assert reverse(settings.LOGIN_REDIRECT_URL) == reverse("admin:index")
    response = client.post(reverse("admin:login"), {"username": "eda", "password": "correct-horse-battery"})
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")


def test_email_settings_come_from_the_environment():
    import subprocess
    import sys

    code = (
        "from django.conf import settings; "
        "print(settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT)"
    )
    base = {"DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "clinic.settings", "PATH": "/usr/bin:/bin"}
    run = lambda env: subprocess.run(  # noqa: E731
        [sys.executable, "-c", "import django; django.setup(); " + code], env={**base, **env},
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert run({})[0] == "django.core.mail.backends.console.EmailBackend"
    assert run({"DJANGO_EMAIL_HOST": "smtp.example.org", "DJANGO_EMAIL_PORT": "2525"}) == [
        "django.core.mail.backends.smtp.EmailBackend", "smtp.example.org", "2525"
    ]  # fmt: skip
