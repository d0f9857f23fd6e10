import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import CharField
from django.urls import reverse

from articles.models import Article, Author, Category, Reference, Status, Tag
from conditions.models import Condition
from domain.content import content_dir, read_document, read_list

pytestmark = pytest.mark.django_db
ARTICLE_FILES = sorted((content_dir() / "articles").glob("*.html"))
AUTHOR_ENTRIES = read_list(content_dir() / "articles" / "_authors.yaml")


def _counts():
    return [model.objects.count() for model in (Article, Author, Category, Tag, Reference)]


def test_load_demo_content_twice_makes_no_duplicates(demo_content):
    first = _counts()
    images = sorted(Article.objects.values_list("featured_image", flat=True))

    call_command("load_demo_content", "--no-accounts", stdout=io.StringIO())

    assert _counts() == first
    assert first[0] == len(ARTICLE_FILES) and first[1] == len(AUTHOR_ENTRIES)
    assert sorted(Article.objects.values_list("featured_image", flat=True)) == images  # not regenerated


def test_demo_articles_cover_every_state_and_link_conditions(client, demo_content):

    published = Article.objects.published()
    assert published.count() >= 8
    assert Article.objects.filter(status=Status.DRAFT).exists()
    assert Article.objects.filter(status=Status.IN_REVIEW).exists()
    assert Article.objects.filter(status=Status.PUBLISHED).exclude(pk__in=published).count() == 1  # scheduled
    for article in published:
        assert article.reviewer and article.reviewer.may_review and article.last_reviewed, article.slug
        assert (article.next_review_due - article.last_reviewed).days == 365
        assert article.references.exists() and article.featured_image and article.featured_image_alt
    expected = {
        slug
        for path in ARTICLE_FILES
        for slug in read_document(path).meta.values.get("related_conditions") or []
    }
    existing = set(Condition.objects.filter(slug__in=expected).values_list("slug", flat=True))
    linked = set(Article.related_conditions.through.objects.values_list("condition__slug", flat=True))
    assert linked == existing

    html = client.get(reverse("articles:list")).content.decode()
    for article in published[:10]:
        assert article.title in html
    first = published.first()
    page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    # The 1600×900 demo picture is served as renditions (800 wide by default), never as the original.
    assert b'width="800" height="450"' in page.content and b"1200w" in page.content
    assert first.featured_image.url.encode() not in page.content


def test_demo_author_login_writes_under_a_byline(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    call_command("load_demo_content", stdout=io.StringIO())

    author = Author.objects.get(user__username="author")
    assert author.user.groups.filter(name="Authors").exists()
    assert author.user.has_usable_password()  # demo_accounts set it after the loader made the user
    assert Article.objects.filter(author=author, status=Status.DRAFT).exists()


def test_demo_content_fits_every_field_as_postgresql_enforces_it(demo_content):
    # SQLite stores a 300-character string in a 200-character column; PostgreSQL refuses it.

    too_long = []
    for app_label in ("clinic", "articles", "conditions"):
        for model in apps.get_app_config(app_label).get_models():
            char_fields = [
                f for f in model._meta.concrete_fields if isinstance(f, CharField) and f.max_length
            ]
            for obj in model._default_manager.all():
                for field in char_fields:
                    value = getattr(obj, field.attname) or ""
                    if len(value) > field.max_length:
                        too_long.append(
                            f"{model.__name__} {obj.pk} {field.name}: {len(value)} > {field.max_length}"
                        )
    assert too_long == []
