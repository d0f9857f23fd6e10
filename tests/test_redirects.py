"""Old links keep working (issue 13, point 5): a public page's former address answers 301 to its new one."""

import pytest
from django.urls import reverse

from clinic.core.models import Redirect
from clinic.core.redirects import point
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    TagFactory,
)
from tests.test_articles_admin import _member

pytestmark = pytest.mark.django_db


def _rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


def test_a_published_articles_old_address_redirects_permanently(client):
    article = ArticleFactory(published=True, slug="old-name")
    _rename(article, "new-name")

    response = client.get("/articles/old-name/?utm=x")

    assert response.status_code == 301 and response["Location"] == "/articles/new-name/?utm=x"
    assert client.get("/articles/new-name/").status_code == 200


def test_a_draft_changes_address_without_leaving_a_redirect():
    _rename(ArticleFactory(slug="draft-name"), "other-name")
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    "factory, prefix",
    [
        (AuthorFactory, "/articles/author/"),
        (CategoryFactory, "/articles/category/"),
        (TagFactory, "/articles/tag/"),
        (ConditionFactory, "/conditions/"),
        (AdministrationRouteFactory, "/treatments/"),
    ],
)
def test_every_kind_of_public_page_keeps_its_old_address(client, factory, prefix):
    obj = factory(slug="before")
    _rename(obj, "after")
    response = client.get(f"{prefix}before/")
    assert response.status_code == 301 and response["Location"] == f"{prefix}after/"


def test_a_hidden_condition_leaves_no_redirect():
    _rename(ConditionFactory(slug="hidden", is_listed=False), "still-hidden")
    assert not Redirect.objects.exists()


def test_renamed_twice_every_old_address_goes_straight_to_the_page(client):
    article = ArticleFactory(published=True, slug="a")
    _rename(article, "b")
    _rename(article, "c")
    assert client.get("/articles/a/")["Location"] == "/articles/c/"
    assert client.get("/articles/b/")["Location"] == "/articles/c/"
    _rename(article, "a")  # back to the first address: no loop
    assert client.get("/articles/a/").status_code == 200
    assert client.get("/articles/c/")["Location"] == "/articles/a/"


def test_only_a_404_is_redirected():
    point("/articles/", "/elsewhere/")
    # An address that answers is never taken over by a stale redirect.
    from django.test import Client

    assert Client().get("/articles/").status_code == 200


def test_deleting_a_published_article_asks_where_readers_go(client):
    editor = _member("Editors", username="ed")
    article = ArticleFactory(published=True, slug="retired")
    other = ArticleFactory(published=True, slug="replacement")
    client.force_login(editor)
    delete = reverse("admin:articles_article_delete", args=[article.pk])

    page = client.get(delete).content.decode()
    assert "Where should its readers go?" in page and 'name="redirect_to"' in page

    client.post(delete, {"post": "yes", "redirect_to": other.get_absolute_url()})
    assert client.get("/articles/retired/")["Location"] == "/articles/replacement/"


def test_deleting_without_an_answer_sends_readers_to_the_section_and_never_off_site(client):
    editor = _member("Editors", username="ed")
    first = ArticleFactory(published=True, slug="gone")
    second = ArticleFactory(published=True, slug="gone-too")
    client.force_login(editor)
    client.post(reverse("admin:articles_article_delete", args=[first.pk]), {"post": "yes"})
    client.post(
        reverse("admin:articles_article_delete", args=[second.pk]),
        {"post": "yes", "redirect_to": "//evil.example/"},
    )
    assert client.get("/articles/gone/")["Location"] == "/articles/"
    assert client.get("/articles/gone-too/")["Location"] == "/articles/"


def test_deleting_a_draft_asks_nothing(client):
    editor = _member("Editors", username="ed")
    article = ArticleFactory()
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_delete", args=[article.pk])).content.decode()
    assert "Where should its readers go?" not in page


def test_deleting_a_listed_condition_asks_too(client):
    staff = _member("Clinic staff", username="desk")
    condition = ConditionFactory(slug="old-condition")
    client.force_login(staff)
    client.post(
        reverse("admin:conditions_condition_delete", args=[condition.pk]),
        {"post": "yes", "redirect_to": "/conditions/"},
    )
    assert client.get("/conditions/old-condition/")["Location"] == "/conditions/"
