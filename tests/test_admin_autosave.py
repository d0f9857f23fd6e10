"""Autosave (issue 13, point 1): typed text is kept apart from the article and its history, offered back
on reopening, never published, and restoring it still meets the edit-conflict rule."""

import json
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from domain.models import Autosave
from tests.factories import ArticleFactory, AuthorFactory, ConditionFactory, member_of
from tests.helpers import change_url, form_data

pytestmark = pytest.mark.django_db

AUTOSAVE_URL = reverse("admin:articles_article_autosave")


@pytest.fixture
def author_user():
    user = member_of("Authors", username="writer")
    AuthorFactory(user=user, display_name="Wren Writer")
    return user


def _offer(response):
    html = response.content.decode()
    start = html.index('<script id="autosave-data" type="application/json">') + len(
        '<script id="autosave-data" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_typed_text_is_kept_apart_and_offered_back(client, author_user):
    article = ArticleFactory(author=author_user.author_profile, title="Original title")
    versions = article.history.count()
    client.force_login(author_user)
    data = form_data(client.get(change_url(article)), title="Typed but not saved", status=Status.PUBLISHED)

    response = client.post(AUTOSAVE_URL, {**data, "_autosave_object": article.pk})

    assert response.status_code == 200 and "kept at" in response.json()["message"]
    article.refresh_from_db()
    assert article.title == "Original title" and article.status == Status.DRAFT  # never published
    assert article.history.count() == versions  # not a version
    record = Autosave.objects.get()
    assert record.data["title"] == ["Typed but not saved"]
    assert record.base_version == data["loaded_version"]

    offered = client.get(change_url(article))
    assert "You have unsaved changes from" in offered.content.decode()
    payload = _offer(offered)
    assert payload["data"]["title"] == ["Typed but not saved"]
    assert payload["version"] == data["loaded_version"] and payload["versionField"] == "loaded_version"


def test_saving_the_form_clears_what_was_kept(client, author_user):
    article = ArticleFactory(author=author_user.author_profile)
    client.force_login(author_user)
    data = form_data(client.get(change_url(article)), title="Saved for real")
    client.post(AUTOSAVE_URL, {**data, "_autosave_object": article.pk})

    assert client.post(change_url(article), data).status_code == 302

    assert not Autosave.objects.exists()
    assert "You have unsaved changes" not in client.get(change_url(article)).content.decode()


def test_a_new_article_is_kept_too_and_discard_removes_it(client, author_user):
    client.force_login(author_user)
    add = reverse("admin:articles_article_add")
    client.post(AUTOSAVE_URL, {"title": "A first idea", "_autosave_object": ""})
    assert "A first idea" in client.get(add).content.decode()

    assert client.post(AUTOSAVE_URL, {"_autosave_object": "", "_discard": "1"}).json() == {"discarded": True}
    assert not Autosave.objects.exists()


def test_restored_text_meets_the_conflict_rule(client, author_user):
    article = ArticleFactory(author=author_user.author_profile)
    client.force_login(author_user)
    data = form_data(client.get(change_url(article)), title="My version")
    client.post(AUTOSAVE_URL, {**data, "_autosave_object": article.pk})
    # Someone saves in between; the offer says so, and saving the restored form (with its old version)
    # is refused.
    later = timezone.now() + timedelta(seconds=5)
    Article.objects.filter(pk=article.pk).update(updated_at=later)
    Autosave.objects.update(saved_at=later + timedelta(seconds=1))
    offered = client.get(change_url(article))
    assert "Someone has saved this page since" in offered.content.decode()

    payload = _offer(offered)
    restored = {
        **form_data(offered),
        **payload["data"],
        "loaded_version": payload["version"],
    }
    response = client.post(change_url(article), restored)

    assert response.status_code == 200 and "after you opened it" in response.content.decode()


def test_autosave_follows_the_permission_rule(client, author_user):
    someone_elses = ArticleFactory()
    own_published = ArticleFactory(author=author_user.author_profile, published=True)
    client.force_login(author_user)
    for article in (someone_elses, own_published):
        assert client.post(AUTOSAVE_URL, {"title": "x", "_autosave_object": article.pk}).status_code == 403
    assert client.get(AUTOSAVE_URL).status_code == 405
    assert not Autosave.objects.exists()
    client.logout()
    assert client.post(AUTOSAVE_URL, {"title": "x", "_autosave_object": ""}).status_code == 302  # to login


def test_autosave_is_per_person(client, author_user):
    article = ArticleFactory(author=author_user.author_profile)
    editor = member_of("Editors", username="ed")
    client.force_login(author_user)
    client.post(AUTOSAVE_URL, {"title": "Author's words", "_autosave_object": article.pk})
    client.force_login(editor)
    assert "You have unsaved changes" not in client.get(change_url(article)).content.decode()
    assert Autosave.objects.get().content_type == ContentType.objects.get_for_model(Article)


def test_clinic_staff_forms_autosave_too(client):
    staff = member_of("Clinic staff", username="desk")
    condition = ConditionFactory()
    client.force_login(staff)
    url = reverse("admin:conditions_condition_autosave")
    assert client.post(url, {"summary": "Typed", "_autosave_object": condition.pk}).status_code == 200
    page = client.get(reverse("admin:conditions_condition_change", args=[condition.pk])).content.decode()
    assert "You have unsaved changes" in page and 'data-url="/admin/conditions/condition/autosave/"' in page


def test_every_change_form_loads_the_editing_safety_script(client, author_user):
    client.force_login(author_user)
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "js/admin-editorial.js" in page and 'id="autosave"' in page


def test_a_nul_sent_with_the_form_is_dropped_and_the_rest_kept(client, author_user):
    """PostgreSQL's JSON column refuses NUL: an autosave carrying one used to answer 500 there."""
    article = ArticleFactory(author=author_user.author_profile)
    client.force_login(author_user)
    response = client.post(
        AUTOSAVE_URL, {"_autosave_object": article.pk, "title": "Typed\x00 text", "loaded_version": "v\x00"}
    )
    assert response.status_code == 200
    record = Autosave.objects.get()
    assert record.data["title"] == ["Typed text"] and record.base_version == "v"
