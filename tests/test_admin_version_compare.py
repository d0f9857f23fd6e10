"""Comparing versions (issue 13, point 3): side by side, changed words marked, readable values, revert."""

from datetime import date

import pytest
from django.urls import reverse

from articles.models import Status
from editorial.version_diff import compare, marked_words
from tests.factories import ArticleFactory, AuthorFactory, ConditionFactory, member_of
from tests.helpers import change_url, form_data

pytestmark = pytest.mark.django_db


def test_marked_words_marks_only_what_changed_and_escapes():
    old, new = marked_words("Rest after <the> infusion", "Sleep after <the> infusion today")
    assert old == "<del>Rest</del> after &lt;the&gt; infusion"
    assert new == "<ins>Sleep</ins> after &lt;the&gt; infusion <ins>today</ins>"


def test_compare_reads_like_a_person_would(client):
    editor = member_of("Editors", username="ed")
    article = ArticleFactory(title="Sleep", body="<p>Plan a quiet evening.</p>")
    article.title, article.body, article.status = (
        "Sleep well",
        "<p>Plan a calm evening.</p>",
        Status.IN_REVIEW,
    )
    article.save()
    older, newer = article.history.order_by("history_id")
    rows = {row.label: row for row in compare(type(article), older, newer)}

    assert rows["Title"].changed and rows["Title"].new == "Sleep <ins>well</ins>"
    assert (
        rows["Body"].old == "Plan a <del>quiet</del> evening."
        and rows["Body"].new == "Plan a <ins>calm</ins> evening."
    )
    assert rows["Status"].old == "<del>Draft</del>" and rows["Status"].new == "<ins>In review</ins>"
    assert not rows["Subtitle"].changed
    assert rows["Publish time"].old == "—"  # not None

    client.force_login(editor)
    url = reverse("admin:articles_article_compare", args=[article.pk])
    html = client.get(url, {"a": older.history_id, "b": newer.history_id}).content.decode()
    assert "<del>quiet</del>" in html and "<ins>calm</ins>" in html
    assert "in_review" not in html.split('id="content-main"')[1].split("</table>")[0]
    assert reverse("admin:articles_article_simple_history", args=[article.pk, older.history_id]) in html


def test_history_lists_readable_changes_and_links_to_compare(client):
    editor = member_of("Editors", username="ed")
    article = ArticleFactory(title="Sleep")
    article.title = "Sleep well"
    article.save()
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert (
        "Compare two versions" in html
        and reverse("admin:articles_article_compare", args=[article.pk]) in html
    )
    assert "<strong>Title:</strong>" in html
    assert "<strong>Body:</strong>" not in html  # not listed when it didn't change


def test_view_only_staff_compare_but_are_not_offered_revert(client):
    article = ArticleFactory()
    article.title = "Renamed"
    article.save()
    client.force_login(member_of("Clinic staff", username="desk"))
    response = client.get(reverse("admin:articles_article_compare", args=[article.pk]))
    assert response.status_code == 200 and "Revert to the older version" not in response.content.decode()


def test_clinical_items_compare_too(client):
    condition = ConditionFactory(summary="Ketamine may help some people.")
    condition.summary = "Ketamine may help many people."
    condition.save()
    client.force_login(member_of("Clinic staff", username="desk"))
    html = client.get(reverse("admin:conditions_condition_compare", args=[condition.pk])).content.decode()
    assert "<del>some</del>" in html and "<ins>many</ins>" in html


def test_reviewing_editor_sees_what_changed_since_the_last_review(client):
    editor = member_of("Editors", username="ed")
    author = member_of("Authors", username="writer")
    AuthorFactory(user=author)
    article = ArticleFactory(author=author.author_profile, in_review=True, body="<p>First words.</p>")
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), _workflow="send_back", workflow_comment="Fix the dose.")
    client.post(change_url(article), data)
    client.force_login(author)
    data = form_data(client.get(change_url(article)), body="<p>Corrected words.</p>", _workflow="submit")
    client.post(change_url(article), data)

    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    assert "See what changed since the last review" in html
    link = html.split('class="since-review"><a href="')[1].split('"')[0].replace("&amp;", "&")
    compared = client.get(link).content.decode()
    assert "<del>First</del>" in compared and "<ins>Corrected</ins>" in compared


def test_compare_shows_what_people_wrote_not_what_the_site_keeps():
    article = ArticleFactory(title="Sleep", body="<p>A quiet evening.</p>", last_reviewed=date(2026, 1, 5))
    article.body = "<p>A calm evening.</p>"  # changed since its review: the site records it
    article.save()
    older, newer = article.history.order_by("history_id")
    labels = {row.label for row in compare(type(article), older, newer)}
    assert "Body" in labels and "Last medically reviewed" in labels
    assert not labels & {"Reviewed fingerprint", "Changed since review"}
