"""manage.py generate_content: the benchmark's articles are real published pages a reader can open."""

import io
import re

import pytest
from django.core.management import call_command

from articles.models import Article, Reference
from domain.models import SiteProfile, Source

pytestmark = pytest.mark.django_db


def test_generated_articles_are_published_with_references_tags_and_headings(client):
    call_command("generate_content", "--articles", "12", stdout=io.StringIO())

    generated = Article.objects.published().filter(slug__startswith="gen-")
    assert generated.count() == 12
    listing = client.get("/articles/").content.decode()
    first = generated.order_by("-published_at").first()
    assert first.get_absolute_url() in listing

    page = client.get(first.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('class="references"') <= 1
    assert len(re.findall(r'<h2 id="[\w-]+"', html)) >= 3  # headings carry ids for the contents list
    for reference in first.references.all():
        assert reference.source.url in html
    assert first.tags.count() == 3 and first.tags.first().name in html


def test_generated_references_share_made_up_sources_without_identifiers():
    call_command("generate_content", "--articles", "30", stdout=io.StringIO())

    assert Reference.objects.filter(article__slug__startswith="gen-").count() == 90
    sources = Source.objects.filter(key__startswith="gen-")
    assert 0 < sources.count() <= 60  # shared: fewer records than references
    assert not sources.exclude(doi="").exists() and not sources.exclude(pmid="").exists()
    assert all(url.startswith("https://example.org/") for url in sources.values_list("url", flat=True))


def test_generated_text_names_the_crisis_line_from_the_profile(client):
    call_command("generate_content", "--articles", "40", stdout=io.StringIO())
    profile = SiteProfile.objects.get_current()
    profile.crisis_line = "555-0100"  # the field holds a number: at most 20 characters
    profile.save()

    mentioning = Article.objects.filter(slug__startswith="gen-", body__contains="{crisis line}").first()
    assert mentioning is not None
    html = client.get(mentioning.get_absolute_url()).content.decode()
    # The number the profile holds stands where the generated sentence names the crisis line.
    assert "If you are in crisis, contact 555-0100 at any time." in html and "{crisis line}" not in html


def test_a_second_run_adds_more_without_clashing_slugs():
    call_command("generate_content", "--articles", "5", stdout=io.StringIO())
    call_command("generate_content", "--articles", "5", stdout=io.StringIO())

    assert Article.objects.filter(slug__startswith="gen-").count() == 10
