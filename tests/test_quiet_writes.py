"""Writes no public page shows keep every cached page: staff working all day don't empty the page cache."""

import pytest
from axes.models import AccessAttempt
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from domain.models import Autosave, SiteProfile
from tests.factories import ArticleFactory, AuthorFactory, ConditionFactory, member_of, open_library_proposal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

PASSWORD = "a long passphrase for tests 1"


@pytest.fixture
def public_pages(client):
    """A few public pages, each served once so that the cache holds it; return their paths."""
    SiteProfile.objects.get_current()
    article = ArticleFactory(published=True, title="Sleep after an infusion")
    paths = ["/", "/articles/", article.get_absolute_url(), ConditionFactory().get_absolute_url(), "/safety/"]
    for path in paths:
        assert client.get(path).status_code == 200, path
    return paths


def _served_from_cache(client, paths, django_assert_num_queries):
    for path in paths:
        with django_assert_num_queries(0):  # no query: the cached page, not a new render
            assert client.get(path).status_code == 200, path


def test_a_staff_sign_in_keeps_every_cached_page(client, public_pages, django_assert_num_queries):
    from django.test import Client

    editor = member_of("Editors", username="ed")
    editor.set_password(PASSWORD)
    editor.save()
    for path in public_pages:  # the editor's save above started a new generation: cache the pages again
        client.get(path)

    Client().force_login(editor)  # Django's login(): writes last_login and a session

    _served_from_cache(client, public_pages, django_assert_num_queries)


def test_an_autosave_a_draft_and_its_steps_through_review_keep_every_cached_page(
    client, public_pages, django_assert_num_queries
):
    author = AuthorFactory(user=member_of("Authors"))
    draft = ArticleFactory(author=author, title="Half written")
    for path in public_pages:  # a new author's byline may show on pages: cache them after it
        client.get(path)

    Autosave.objects.create(
        user=author.user,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(draft.pk),
        data={"title": "Half written, then more"},
    )
    draft.title = "Half written, edited"
    draft.save()  # a draft's edit, and the history row it writes
    draft.take("submit", author.user)  # a workflow step, its event and the editors' email

    _served_from_cache(client, public_pages, django_assert_num_queries)
    assert Article.objects.get(pk=draft.pk).status == "in_review"


def test_lockout_records_and_library_proposals_keep_every_cached_page(
    client, public_pages, django_assert_num_queries
):
    condition = ConditionFactory()
    for path in public_pages:
        client.get(path)

    AccessAttempt.objects.create(
        username="someone", ip_address="203.0.113.9", user_agent="x", http_accept="*/*",
        path_info="/admin/login/", failures_since_start=3,
    )  # fmt: skip
    open_library_proposal(condition)

    _served_from_cache(client, public_pages, django_assert_num_queries)


def test_publishing_a_draft_and_editing_a_live_article_still_show_at_once(client, public_pages):
    draft = ArticleFactory(
        title="Ready to go", reviewer=AuthorFactory(reviewer=True).person, last_reviewed=timezone.localdate()
    )
    live = Article.objects.get(title="Sleep after an infusion")

    draft.publish(when=draft.created_at)
    live.title = "Sleep after an infusion, revised"
    live.save()

    html = client.get(reverse("articles:list")).content.decode()
    assert "Ready to go" in html and "Sleep after an infusion, revised" in html


def test_a_published_article_taken_back_to_draft_disappears_at_once(client, public_pages):
    live = Article.objects.get(title="Sleep after an infusion")

    Article.objects.get(pk=live.pk).take("back_to_draft", member_of("Editors"))

    assert client.get(live.get_absolute_url()).status_code == 404
    assert "Sleep after an infusion" not in client.get(reverse("articles:list")).content.decode()
