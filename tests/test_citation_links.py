"""A citation marker's numbers lead to their references, and a marker naming no reference is reported."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils.safestring import mark_safe

from domain.citation_markers import cited_numbers, linked_markers
from domain.models import cite
from tests.factories import ArticleFactory, ConditionFactory, ReferenceFactory, SourceFactory

LINK = re.compile(r'<a class="cite" href="#([^"]+)" aria-label="Reference (\d+)">(\d+)</a>')


def _targets(html):
    return [match.group(1) for match in LINK.finditer(html)]


def test_each_number_of_a_marker_links_to_its_reference():
    html = linked_markers(mark_safe("<p>Most improve [2]. Both agree [1, 3]. Several do [4–6].</p>"), "ref-")

    assert _targets(html) == ["ref-2", "ref-1", "ref-3", "ref-4", "ref-6"]
    assert "Both agree [" in html and "</a>, <a" in html  # the brackets and commas stay as written
    assert html.startswith("<p>Most improve [<a") and html.endswith("</a>].</p>")


def test_markers_inside_a_link_or_an_attribute_are_left_alone():
    source = '<p><a href="https://example.org/a[1]">See [2]</a> <img alt="chart [3]" src="/x.png"> [4]</p>'

    html = linked_markers(mark_safe(source), "ref-")

    assert _targets(html) == ["ref-4"]
    assert 'href="https://example.org/a[1]">See [2]</a>' in html and 'alt="chart [3]"' in html


def test_text_not_marked_safe_is_escaped_before_markers_are_linked():
    html = linked_markers("<script>x</script> [1]", "ref-")

    assert "<script>" not in html and "&lt;script&gt;" in html and _targets(html) == ["ref-1"]


def test_cited_numbers_expand_ranges():
    assert cited_numbers("One [1]. Several [3–5]. Two [2, 7]. Not a marker [a].") == {1, 2, 3, 4, 5, 7}


@pytest.mark.django_db
def test_a_condition_pages_markers_lead_to_the_references_on_it(client):
    condition = ConditionFactory(description="<p>You stay for at least 2 hours [1]. Most improve [2].</p>")
    cite(condition, [SourceFactory(), SourceFactory()])

    html = client.get(condition.get_absolute_url()).content.decode()

    targets = _targets(html)
    assert targets == ["ref-condition-1", "ref-condition-2"]
    assert all(f'id="{target}"' in html for target in targets)


@pytest.mark.django_db
def test_an_articles_markers_lead_to_the_references_on_it(client):
    article = ArticleFactory(published=True, body="<h2>Dose</h2><p>It is weight-based [1].</p>")
    ReferenceFactory(article=article)

    html = client.get(article.get_absolute_url()).content.decode()

    assert _targets(html) == ["ref-1"] and 'id="ref-1"' in html


@pytest.mark.django_db
def test_check_content_reports_a_marker_that_names_a_missing_source():
    condition = ConditionFactory(name="Panic disorder", description="<p>Most improve [1]. Few do [3].</p>")
    cite(condition, [SourceFactory()])
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 citation marker"):
        call_command("check_content", stdout=out)

    report = out.getvalue()
    assert "condition “Panic disorder”, description: cites [3], but it has 1 numbered source" in report


@pytest.mark.django_db
def test_the_demo_content_has_no_marker_without_its_source(demo_content):
    from clinic.site.content_check import dangling_markers

    assert dangling_markers() == []


@pytest.mark.django_db
def test_a_condition_page_keeps_safety_names_in_view_and_explanations_one_tap_away(client, demo_content):
    html = client.get(reverse("conditions:detail", args=["ptsd"])).content.decode()

    first_screen = html.split('class="meta review-dates"')[0]
    assert 'href="#safety-heading">Who may not be a candidate</a>' in first_screen
    assert '<details class="evidence-basis">' in first_screen  # the studies' titles, shut
    safety = html.split('id="safety-heading"')[1].split("</section>")[0]
    items = safety.split('<ul class="contraindication-list">')[1].split("</ul>")[0].split("<li>")[1:]
    assert items
    for item in items:  # each item's name and weight in its summary, its explanation inside the disclosure
        summary, rest = item.split("</summary>", 1)
        assert "<strong>" in summary
        assert "Usually not a candidate" in summary or "Needs careful evaluation" in summary
        assert "<details>" in item and "<p>" in rest
