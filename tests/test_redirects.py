"""Old links keep working (issue 13, point 5): a public page's former address answers 301 to its new one."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from domain.models import Redirect
from domain.redirects import point
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    TagFactory,
    member_of,
)

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


def test_a_draft_changes_address_without_leaving_a_redirect(client):
    _rename(ArticleFactory(slug="draft-name"), "other-name")
    assert client.get("/articles/draft-name/").status_code == 404  # nothing tells readers where it went
    assert not Redirect.objects.exists()
    client.force_login(member_of("Editors", username="ed"))
    assert client.get("/articles/other-name/").status_code == 200  # the draft's preview moved with it


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


def test_a_hidden_condition_leaves_no_redirect(client):
    _rename(ConditionFactory(slug="hidden", is_listed=False), "still-hidden")
    assert client.get("/conditions/hidden/").status_code == 404
    assert not Redirect.objects.exists()
    client.force_login(member_of("Clinic staff", username="desk"))
    assert "hidden from the public" in client.get("/conditions/still-hidden/").content.decode()


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
    editor = member_of("Editors", username="ed")
    article = ArticleFactory(published=True, slug="retired")
    other = ArticleFactory(published=True, slug="replacement")
    client.force_login(editor)
    delete = reverse("admin:articles_article_delete", args=[article.pk])

    page = client.get(delete).content.decode()
    assert "Where should its readers go?" in page and 'name="redirect_to"' in page

    client.post(delete, {"post": "yes", "redirect_to": other.get_absolute_url()})
    assert client.get("/articles/retired/")["Location"] == "/articles/replacement/"


def test_deleting_without_an_answer_sends_readers_to_the_section_and_never_off_site(client):
    editor = member_of("Editors", username="ed")
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
    editor = member_of("Editors", username="ed")
    article = ArticleFactory()
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Are you sure you want to delete the article" in page and 'name="post"' in page
    assert "Where should its readers go?" not in page and 'name="redirect_to"' not in page


def test_deleting_a_listed_condition_asks_too(client):
    staff = member_of("Clinic staff", username="desk")
    condition = ConditionFactory(slug="old-condition")
    client.force_login(staff)
    client.post(
        reverse("admin:conditions_condition_delete", args=[condition.pk]),
        {"post": "yes", "redirect_to": "/conditions/"},
    )
    assert client.get("/conditions/old-condition/")["Location"] == "/conditions/"


# Redirects stay on this site (issue 19, part 1)

OFF_SITE = [
    "https://evil.example/login",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/articles/\nx",
    "/articles/\u202egone/",
    "javascript:alert(1)",
    "evil.example/login",
    "http:/evil.example",
]


@pytest.mark.parametrize("typed", OFF_SITE)
def test_clinic_staff_cannot_point_an_old_address_at_another_site(client, typed):
    client.force_login(member_of("Clinic staff", username="desk"))
    response = client.post(
        reverse("admin:clinic_redirect_add"), {"old_path": "/articles/gone-0/", "new_path": typed}
    )

    assert response.status_code == 200  # the form again, not a save
    form = response.context["adminform"].form
    assert "an address on this site" in " ".join(form.errors["new_path"])
    assert form["new_path"].value() == typed.strip()  # what they typed is still there to correct
    assert not Redirect.objects.exists()
    assert client.get("/articles/gone-0/?a=1").status_code == 404


def test_a_redirect_to_a_path_on_the_site_is_saved_from_the_admin(client):
    client.force_login(member_of("Clinic staff", username="desk"))
    client.post(
        reverse("admin:clinic_redirect_add"), {"old_path": "/articles/gone-0/", "new_path": "/conditions/"}
    )
    response = client.get("/articles/gone-0/?a=1")
    assert response.status_code == 301 and response["Location"] == "/conditions/?a=1"


def test_a_redirect_to_its_own_address_is_refused():
    with pytest.raises(ValidationError) as refused:
        Redirect(old_path="/articles/a/", new_path="/articles/a/").full_clean()
    assert "circle" in str(refused.value.message_dict["new_path"])


@pytest.mark.parametrize("target", OFF_SITE)
def test_a_redirect_off_the_site_fails_model_validation(target):
    with pytest.raises(ValidationError) as refused:
        Redirect(old_path="/articles/a/", new_path=target).full_clean()
    assert set(refused.value.message_dict) == {"new_path"}


@pytest.mark.parametrize("target", OFF_SITE)
def test_an_automatic_redirect_off_the_site_is_never_recorded(target):
    with pytest.raises(ValidationError):
        point("/articles/a/", target)
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("typed", OFF_SITE)
def test_deleting_a_page_never_records_a_redirect_off_the_site(client, typed):
    client.force_login(member_of("Editors", username="ed"))
    article = ArticleFactory(published=True, slug="gone")
    client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes", "redirect_to": typed}
    )
    assert Redirect.objects.get(old_path="/articles/gone/").new_path == "/articles/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_a_row_already_pointing_off_the_site_is_never_followed(client, target):
    Redirect.objects.bulk_create(
        [Redirect(old_path="/articles/gone-0/", new_path=target)]
    )  # skips validation
    response = client.get("/articles/gone-0/?a=1")
    assert response.status_code == 404 and not response.has_header("Location")


def test_check_redirects_lists_each_row_that_leaves_the_site_and_fails():
    Redirect.objects.bulk_create(
        [
            Redirect(old_path="/articles/kept/", new_path="/articles/"),
            Redirect(old_path="/articles/gone-0/", new_path="https://evil.example/login"),
            Redirect(old_path="/articles/gone-1/", new_path="//evil.example/x"),
        ]
    )
    out = StringIO()
    with pytest.raises(CommandError, match="2 redirect"):
        call_command("check_redirects", stdout=out)
    listed = out.getvalue()
    assert "https://evil.example/login" in listed and "//evil.example/x" in listed
    assert "/articles/kept/" not in listed


def test_check_redirects_passes_when_every_row_stays_on_the_site():
    point("/articles/old/", "/articles/new/")
    out = StringIO()
    call_command("check_redirects", stdout=out)
    assert "Every redirect leads to a path on this site." in out.getvalue()
