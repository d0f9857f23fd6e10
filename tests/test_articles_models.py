import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import set_script_prefix

from articles.models import Article, Status
from articles.roles import sync_roles
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_roles_migration_made_the_three_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Authors", "Editors", "Clinic staff"}
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="publish_article").exists()
    assert not Group.objects.get(name="Authors").permissions.filter(codename="publish_article").exists()


def test_sync_roles_only_adds_and_keeps_extra_grants():
    from django.apps import apps

    authors = Group.objects.get(name="Authors")
    extra = Permission.objects.get(codename="add_tag")
    authors.permissions.add(extra)
    authors.permissions.remove(Permission.objects.get(codename="view_article"))

    sync_roles(apps)

    assert authors.permissions.filter(codename="view_article").exists()
    assert authors.permissions.filter(pk=extra.pk).exists()


def test_publishing_needs_a_reviewer_and_a_review_date():
    article = ArticleFactory.build(status=Status.PUBLISHED, author=AuthorFactory())
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert set(error.value.message_dict) >= {"reviewer", "last_reviewed"}

    article.reviewer = AuthorFactory(reviewer=True).person
    article.last_reviewed = date.today()
    article.full_clean()


def test_review_date_cannot_be_in_the_future():
    article = ArticleFactory.build(author=AuthorFactory(), last_reviewed=date.today() + timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "can't be in the future" in error.value.message_dict["last_reviewed"][0]


def test_featured_image_needs_alt_text():
    article = ArticleFactory.build(author=AuthorFactory(), featured_image=ContentFile(b"x", name="a.jpg"))
    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["featured_image"])
    assert "featured_image_alt" in error.value.message_dict


def test_publishing_without_a_time_publishes_now():
    article = ArticleFactory(published=True, published_at=None)
    assert article.published_at is not None and article.is_public


def test_reading_time_and_takeaways():
    article = ArticleFactory(body="<p>" + "word " * 700 + "</p>", key_takeaways="One\n\n  Two  \n")
    assert article.reading_time == 4  # 700 words at 220 a minute, rounded up
    assert article.takeaways == ["One", "Two"]


def test_the_plain_text_search_highlights_in_follows_every_change_of_the_body():
    article = ArticleFactory(
        body="<h2>Before</h2><p>Call the Suicide &amp; Crisis <strong>Lifeline</strong>.</p>"
    )
    assert article.body_text == "Before Call the Suicide & Crisis Lifeline."
    article.body = "<p>Rest &lt; work, for a day.</p>"
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert article.body_text == "Rest < work, for a day."


def test_the_migration_gives_older_articles_their_plain_text():
    migration = importlib.import_module("articles.migrations.0012_article_body_text")
    article = ArticleFactory(body="<p>Sleep &amp; rest.</p>")
    Article.objects.filter(pk=article.pk).update(body_text="")
    migration.fill_body_text(apps, None)
    article.refresh_from_db()
    assert article.body_text == "Sleep & rest."


def test_who_may_edit_and_preview_agrees_between_queryset_and_instance():
    writer = UserFactory()
    writer.groups.add(Group.objects.get(name="Authors"))
    profile = AuthorFactory(user=writer)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    articles = [
        ArticleFactory(author=profile),
        ArticleFactory(author=profile, in_review=True),
        ArticleFactory(author=profile, published=True),
        ArticleFactory(),
        ArticleFactory(published=True),
    ]
    for user in (writer, editor):
        editable = set(Article.objects.editable_by(user))
        assert editable == {a for a in articles if a.can_be_edited_by(user)}
    assert set(Article.objects.editable_by(writer)) == set(articles[:2])
    assert set(Article.objects.editable_by(editor)) == set(articles)
    assert set(Article.objects.previewable_by(writer)) == {*articles[:3], articles[4]}


@pytest.mark.parametrize("slug", ["feed", "views", "category", "tag", "author"])
def test_article_cannot_take_the_address_of_a_site_page(slug):
    article = ArticleFactory.build(slug=slug, author=AuthorFactory())
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict


def test_lead_is_the_newest_featured_article_else_the_newest():
    older = ArticleFactory(published=True, is_featured=True)
    newest = ArticleFactory(published=True, published_at=older.published_at + timedelta(hours=1))
    lead, latest = Article.objects.published().lead_and_latest(5)
    assert lead == older and latest == [newest]
    older.is_featured = False
    older.save()
    lead, latest = Article.objects.published().lead_and_latest(5)
    assert lead == newest and latest == [older]


def test_publish_applies_the_same_rule_as_clean():
    from django.utils import timezone

    article = ArticleFactory(status=Status.IN_REVIEW)
    with pytest.raises(ValidationError) as error:
        article.publish(timezone.now())
    assert set(error.value.message_dict) == {"reviewer", "last_reviewed"}
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    article.reviewer, article.last_reviewed = AuthorFactory(may_review=True).person, date.today()
    article.publish(timezone.now())
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_remembered_addresses_follow_the_script_prefix_and_the_slug():
    article = ArticleFactory(slug="sleep")
    assert article.get_absolute_url() == "/articles/sleep/"
    set_script_prefix("/clinic/")  # served under a path: the same slug gets another address
    try:
        assert article.get_absolute_url() == "/clinic/articles/sleep/"
    finally:
        set_script_prefix("/")
    article.slug = "rest"
    assert article.get_absolute_url() == "/articles/rest/"
