from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    ReferenceFactory,
    TagFactory,
    member_of,
)
from tests.helpers import change_url, condition_form_data, form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


@pytest.fixture
def clinic_staff():
    return member_of("Clinic staff", username="front-desk")


def _page(response):
    return response.content.decode()


# Authors


def test_author_sees_only_own_articles_in_the_changelist(client, author_user):
    own = ArticleFactory(author=author_user.author_profile, title="My own draft")
    other = ArticleFactory(title="Someone else's draft")
    client.force_login(author_user)

    html = _page(client.get(CHANGELIST_URL))

    assert own.title in html
    assert other.title not in html


def test_author_cannot_open_or_post_to_someone_elses_article(client, author_user):
    other = ArticleFactory(title="Not yours")
    client.force_login(author_user)

    response = client.get(change_url(other))
    assert response.status_code == 302 and response.url == reverse("admin:index")
    told = _page(client.get(response.url))
    assert "That article is another author&#x27;s: authors open their own articles" in told
    assert "Perhaps it was deleted?" not in told and "Not yours" not in told
    client.post(change_url(other), {"title": "Taken over", "status": Status.DRAFT})
    other.refresh_from_db()
    assert other.title == "Not yours"


def test_author_cannot_read_the_history_of_someone_elses_article(client, author_user):
    other = ArticleFactory(title="Not yours", body="<p>Unpublished clinical notes.</p>")
    version = other.history.earliest()
    client.force_login(author_user)

    assert client.get(reverse("admin:articles_article_history", args=[other.pk])).status_code == 404
    url = reverse("admin:articles_article_simple_history", args=[other.pk, version.history_id])
    assert client.get(url).status_code == 404


def test_author_form_offers_only_draft_and_review_and_no_editor_fields(client, author_user):
    client.force_login(author_user)
    html = _page(client.get(ADD_URL))

    assert '<option value="draft"' in html and '<option value="in_review"' in html
    assert 'value="published"' not in html and 'value="archived"' not in html
    for field in ("reviewer", "last_reviewed", "next_review_due", "published_at_0", "author"):
        assert f'name="{field}"' not in html, field


def test_author_writes_under_own_name_whatever_the_post_says(client, author_user):
    someone_else = AuthorFactory()
    client.force_login(author_user)
    data = form_data(client.get(ADD_URL), title="Sleep after an infusion", slug="sleep-after-an-infusion")
    data.update(body="<p>Rest.</p>", status=Status.DRAFT, author=someone_else.pk)

    response = client.post(ADD_URL, data)

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    article = Article.objects.get(slug="sleep-after-an-infusion")
    assert article.author == author_user.author_profile
    assert article.created_by == author_user


def test_author_hand_made_post_to_publish_is_refused(client, author_user):
    reviewer = AuthorFactory(reviewer=True).person
    article = ArticleFactory(author=author_user.author_profile, title="Mine")
    client.force_login(author_user)
    data = form_data(client.get(change_url(article)))
    data.update(
        status=Status.PUBLISHED,
        reviewer=reviewer.pk,
        last_reviewed=date.today().isoformat(),
        published_at_0=date.today().isoformat(),
        published_at_1="08:00:00",
    )

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    assert "Only an editor can publish" in _page(response)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.reviewer is None and article.published_at is None
    assert client.get(article.get_absolute_url()).status_code == 200  # still only a preview
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_author_submits_own_draft_for_review(client, author_user):
    article = ArticleFactory(author=author_user.author_profile)
    client.force_login(author_user)

    response = client.post(
        change_url(article), form_data(client.get(change_url(article)), status="in_review")
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_author_cannot_change_own_article_once_published(client, author_user):
    article = ArticleFactory(author=author_user.author_profile, published=True, title="Live now")
    client.force_login(author_user)

    response = client.get(change_url(article))
    assert response.status_code == 200
    assert 'name="_save"' not in _page(response)  # read-only view
    assert client.post(change_url(article), {"title": "Edited live"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Live now"


def test_author_cannot_run_editor_actions_even_by_hand(client, author_user):
    reviewer = AuthorFactory(reviewer=True).person
    article = ArticleFactory(author=author_user.author_profile, reviewer=reviewer, last_reviewed=date.today())
    client.force_login(author_user)

    html = _page(client.get(CHANGELIST_URL))
    assert "publish_now" not in html
    client.post(CHANGELIST_URL, {"action": "publish_now", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_author_without_profile_cannot_add_articles(client):
    client.force_login(member_of("Authors"))
    assert client.get(ADD_URL).status_code == 403


# Editors


def test_editor_publish_now_action_needs_review_first(client, editor):
    reviewed = ArticleFactory(
        in_review=True, reviewer=AuthorFactory(reviewer=True).person, last_reviewed=date.today()
    )
    unreviewed = ArticleFactory(in_review=True, title="Unreviewed claims")
    client.force_login(editor)

    response = client.post(
        CHANGELIST_URL,
        {"action": "publish_now", "_selected_action": [reviewed.pk, unreviewed.pk]},
        follow=True,
    )

    reviewed.refresh_from_db()
    unreviewed.refresh_from_db()
    assert reviewed.is_public
    assert unreviewed.status == Status.IN_REVIEW
    assert "need a medical reviewer and a last-reviewed date first: Unreviewed claims" in _page(response)
    assert client.get(reviewed.get_absolute_url()).status_code == 200


def test_editor_archives_and_sends_back_to_draft(client, editor):
    live = ArticleFactory(published=True)
    other = ArticleFactory(published=True)
    client.force_login(editor)

    client.post(CHANGELIST_URL, {"action": "archive", "_selected_action": [live.pk]})
    client.post(CHANGELIST_URL, {"action": "send_back_to_draft", "_selected_action": [other.pk]})

    live.refresh_from_db()
    other.refresh_from_db()
    assert live.status == Status.ARCHIVED and other.status == Status.DRAFT
    client.logout()
    assert client.get(live.get_absolute_url()).status_code == 404
    assert client.get(other.get_absolute_url()).status_code == 404


def test_publishing_without_review_shows_the_rule_by_the_fields_and_keeps_the_text(client, editor):
    article = ArticleFactory(in_review=True)
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), status=Status.PUBLISHED, title="My careful new title")

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "needs a medical reviewer" in errors["reviewer"][0]
    assert "date of the medical review" in errors["last_reviewed"][0]
    assert 'value="My careful new title"' in _page(response)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_an_articles_next_review_on_or_before_its_review_is_refused_not_moved(client, editor):
    # As for a condition (tests/test_conditions_admin.py): the article form used to move it a year on.
    article = ArticleFactory(reviewer=AuthorFactory(reviewer=True).person, last_reviewed=date(2026, 1, 5))
    client.force_login(editor)
    data = form_data(
        client.get(change_url(article)),
        last_reviewed="2026-03-02",
        next_review_due="2026-03-02",
        title="Kept as typed",
    )

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    html = _page(response)
    assert "The next review must fall after the last review (March 2, 2026)" in html
    assert html.count('value="2026-03-02"') == 2 and 'value="Kept as typed"' in html
    article.refresh_from_db()
    assert article.last_reviewed == date(2026, 1, 5) and article.title != "Kept as typed"

    data["next_review_due"] = ""  # blank: 12 months after the review
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.next_review_due == date(2027, 3, 2)


def test_editor_publishes_with_review_and_no_time_means_now(client, editor):
    article = ArticleFactory(in_review=True)
    reviewer = AuthorFactory(reviewer=True).person
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), status=Status.PUBLISHED)
    data.update(reviewer=reviewer.pk, last_reviewed=date.today().isoformat())

    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.is_public and article.reviewer == reviewer


def test_editor_schedules_through_the_publish_time(client, editor, time_machine):
    article = ArticleFactory(
        in_review=True, reviewer=AuthorFactory(reviewer=True).person, last_reviewed=date.today()
    )
    when = timezone.localtime() + timedelta(days=2)
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), status=Status.PUBLISHED)
    data.update(published_at_0=when.date().isoformat(), published_at_1=when.strftime("%H:%M:%S"))

    assert client.post(change_url(article), data).status_code == 302
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    time_machine.move_to(when + timedelta(minutes=1))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_reviewer_must_be_allowed_to_review(client, editor):
    article = ArticleFactory(in_review=True)
    not_a_reviewer = AuthorFactory(may_review=False)
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), reviewer=not_a_reviewer.person.pk)

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    assert "reviewer" in response.context["adminform"].form.errors


# Clinic staff


def test_clinic_staff_view_articles_but_cannot_change_or_add(client, clinic_staff):
    article = ArticleFactory(title="Read only for staff")
    client.force_login(clinic_staff)

    assert article.title in _page(client.get(CHANGELIST_URL))
    assert client.get(ADD_URL).status_code == 403
    assert 'name="_save"' not in _page(client.get(change_url(article)))
    assert client.post(change_url(article), {"title": "Changed"}).status_code == 403
    assert client.get(article.get_absolute_url()).status_code == 404


def test_clinic_staff_manage_every_conditions_model(clinic_staff):
    for model in ("condition", "conditiongroup", "administrationroute", "contraindication"):
        for action in ("add", "change", "delete", "view"):
            assert clinic_staff.has_perm(f"conditions.{action}_{model}"), (action, model)
    assert not clinic_staff.has_perm("articles.change_article")


def test_condition_admin_is_open_to_clinic_staff_only(client, clinic_staff, author_user):
    url = reverse("admin:conditions_condition_add")
    client.force_login(clinic_staff)
    assert client.get(url).status_code == 200
    client.force_login(author_user)
    assert client.get(url).status_code == 403


# Comfort


def test_changelist_columns_filters_search_and_date_drilldown(client, editor):
    wanted = ArticleFactory(
        published=True, title="Sleep after an infusion", category=CategoryFactory(name="Care")
    )
    by_body = ArticleFactory(title="Rest", body="<p>On the evening after a session, sleep early.</p>")
    other = ArticleFactory(title="Driving home afterwards")
    client.force_login(editor)

    html = _page(client.get(CHANGELIST_URL))
    for column in ("Title", "Status", "Author", "Category", "Publish time", "Last medically reviewed"):
        assert column in html, column
    assert "status__exact=published" in html and f"category__id__exact={wanted.category.pk}" in html
    assert f"author__id__exact={other.author.pk}" in html
    assert f"published_at__year={wanted.published_at.year}" in html

    html = _page(client.get(CHANGELIST_URL + "?q=sleep"))
    assert wanted.title in html and by_body.title in html
    assert other.title not in html


def test_slug_must_be_unique_with_a_clear_message(client, editor):
    ArticleFactory(slug="taken")
    article = ArticleFactory()
    client.force_login(editor)

    response = client.post(change_url(article), form_data(client.get(change_url(article)), slug="taken"))

    assert "Another article already uses this address" in response.context["adminform"].form.errors["slug"][0]


def test_slug_is_prepopulated_from_the_title(client, editor):
    client.force_login(editor)
    html = _page(client.get(ADD_URL))
    assert "&quot;id&quot;: &quot;#id_slug&quot;" in html
    assert "&quot;dependency_ids&quot;: [&quot;#id_title&quot;]" in html


def test_body_uses_ckeditor_with_our_upload_url(client, editor):
    client.force_login(editor)
    html = _page(client.get(ADD_URL))
    assert 'class="django_ckeditor_5"' in html
    assert f'data-upload-url="{reverse("admin:articles_article_upload_image")}"' in html
    assert "<script>" not in html.split("</head>")[1]  # the CSP allows no inline script


def test_autocomplete_serves_authors_tags_and_conditions(client, author_user):
    TagFactory(name="Esketamine")
    ConditionFactory(name="Treatment-resistant depression")
    client.force_login(author_user)
    url = reverse("admin:autocomplete")
    for field, term, expected in [
        ("tags", "esk", "Esketamine"),
        ("related_conditions", "resistant", "depression"),
    ]:
        response = client.get(
            url, {"app_label": "articles", "model_name": "article", "field_name": field, "term": term}
        )
        assert response.status_code == 200, field
        assert expected in response.content.decode(), field


def test_reviewer_autocomplete_lists_only_reviewers(client, editor):
    AuthorFactory(display_name="Rita Reviewer", may_review=True)
    AuthorFactory(display_name="Rita Writer", may_review=False)
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "reviewer", "term": "Rita"},
    )
    assert "Rita Reviewer" in response.content.decode() and "Rita Writer" not in response.content.decode()


def test_references_are_an_ordered_inline(client, editor):
    article = ArticleFactory()
    ReferenceFactory(article=article, order=2, text="Second citation")
    ReferenceFactory(article=article, order=1, text="First citation")
    client.force_login(editor)
    html = _page(client.get(change_url(article)))
    assert html.index("First citation") < html.index("Second citation")


# History and conflicts


def test_history_shows_who_changed_what(client, editor):
    article = ArticleFactory(title="First title")
    client.force_login(editor)
    client.post(change_url(article), form_data(client.get(change_url(article)), title="Second title"))

    html = _page(client.get(reverse("admin:articles_article_history", args=[article.pk])))

    assert ">ed</a>" in html
    assert "Title" in html and "First title" in html and "Second title" in html
    assert article.history.first().history_user == editor


def test_revert_from_history_restores_the_article(client, editor):
    article = ArticleFactory(title="Original title", dek="Original dek")
    first_version = article.history.earliest()
    client.force_login(editor)
    client.post(change_url(article), form_data(client.get(change_url(article)), title="Rewritten", dek="New"))
    article.refresh_from_db()
    assert article.title == "Rewritten"

    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, first_version.history_id])
    response = client.post(revert_url, form_data(client.get(revert_url)))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.dek) == ("Original title", "Original dek")
    assert article.history.first().history_user == editor


def test_view_only_staff_cannot_revert(client, clinic_staff):
    article = ArticleFactory(title="Original title")
    first_version = article.history.earliest()
    article.title = "Current title"
    article.save()
    client.force_login(clinic_staff)
    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, first_version.history_id])

    assert client.post(revert_url, {"title": "Original title"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Current title"


def test_second_save_after_someone_else_saved_is_refused_and_keeps_the_text(client, editor):
    other_editor = member_of("Editors", username="dana", first_name="Dana", last_name="Whitfield")
    article = ArticleFactory(title="Shared", body="<p>Start.</p>")
    client.force_login(editor)
    mine = form_data(client.get(change_url(article)), body="<p>My long careful rewrite.</p>")
    theirs_client = client.__class__()
    theirs_client.force_login(other_editor)
    theirs = form_data(theirs_client.get(change_url(article)), title="Their title")
    assert theirs_client.post(change_url(article), theirs).status_code == 302

    response = client.post(change_url(article), mine)

    assert response.status_code == 200
    html = _page(response)
    assert "Dana Whitfield saved this article" in html
    assert "Someone else" not in html  # the save that made the version I opened is not someone else's
    assert "My long careful rewrite." in html
    article.refresh_from_db()
    assert article.title == "Their title" and "Start." in article.body


def test_save_without_anyone_in_between_is_accepted(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), title="Quietly improved")
    assert client.post(change_url(article), data).status_code == 302
    data = form_data(client.get(change_url(article)), title="Improved again")
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Improved again"


def test_an_edit_conflict_with_an_import_names_no_one_as_a_person(client, editor):
    article = ArticleFactory(title="Shared", body="<p>Start.</p>")
    client.force_login(editor)
    mine = form_data(client.get(change_url(article)), body="<p>My rewrite.</p>")
    article.title = "Changed by the demo loader"
    article.save()  # no signed-in user: a command or a content import

    html = _page(client.post(change_url(article), mine))

    assert "An automatic update (a content import or a command) saved this article" in html
    assert "Someone else and" not in html and "My rewrite." in html


def test_a_refused_date_time_or_number_says_what_to_type_and_keeps_it(client, editor):
    article = ArticleFactory(title="Timing", body="<p>Start.</p>")
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), published_at_0="next Tuesday", published_at_1="2pm")

    html = _page(client.post(change_url(article), data))

    assert "Enter a valid date as year-month-day, e.g. 2026-12-07." in html
    assert "Enter a valid time as hours and minutes on the 24-hour clock, e.g. 14:30." in html
    assert 'value="next Tuesday"' in html and 'value="2pm"' in html


def test_letters_in_a_number_field_are_named_not_dropped(admin_client):
    condition = ConditionFactory()
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="order"' in html and 'inputmode="numeric"' in html  # a browser keeps what is typed

    response = admin_client.post(url, condition_form_data(condition, order="two"))

    assert "Enter a whole number, in digits, e.g. 3." in response.content.decode()
    assert 'value="two"' in response.content.decode()
