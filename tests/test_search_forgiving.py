"""Search that forgives (issue 23): a misspelt or unknown word, when the query as typed finds nothing, is
corrected or left out, and the page says what it searched instead. Runs on SQLite, and on PostgreSQL when
DATABASE_URL names one."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from clinic.site.forgiving import Vocabulary, edit_distance
from clinic.site.search import search
from tests.factories import ArticleFactory, ConditionFactory

pytestmark = pytest.mark.django_db

# As in test_search.py: what one search costs the page, by backend.
SEARCH_PAGE_QUERIES = 2 if connection.vendor == "postgresql" else 3


def page(client, query):
    return client.get(reverse("search"), {"q": query})


def shown_titles(response):
    return [result.title for result in response.context["page_obj"] or ()]


def status_line(response):
    html = response.content.decode()
    line = re.search(r'<p class="meta" role="status">(.*?)</p>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", line).split())


def search_box(response):
    return re.search(r'<input id="search-page-q"[^>]*value="([^"]*)"', response.content.decode()).group(1)


# On the demo content, as a patient meets it


def test_a_misspelt_word_finds_what_its_spelling_finds_and_the_page_says_so(client, demo_content):
    response = page(client, "depresion")
    expected = [result.title for result in search("depression")]
    assert expected and shown_titles(response) == expected[:10]
    assert status_line(response) == (
        f"No results for “depresion”. Showing {len(expected)} results for “depression” instead."
    )
    html = response.content.decode()
    assert '<a href="/search/?q=depression"><strong>depression</strong></a>' in html  # the search it ran
    assert search_box(response) == "depresion"  # the box keeps what was typed


def test_one_misspelt_word_among_known_ones_is_corrected(client, demo_content):
    response = page(client, "anxiety depresion")
    assert shown_titles(response) == [result.title for result in search("anxiety depression")][:10]
    assert "Anxiety with depression" in shown_titles(response)
    assert status_line(response).startswith("No results for “anxiety depresion”. Showing ")
    assert status_line(response).endswith(" for “anxiety depression” instead.")


def test_an_unknown_word_among_known_ones_is_left_out_and_named(client, demo_content):
    response = page(client, "ketamine zzzzqx")
    expected = [result.title for result in search("ketamine")]
    assert expected and shown_titles(response) == expected[:10]
    assert status_line(response) == (
        f"No results for “ketamine zzzzqx”. Showing {len(expected)} results for “ketamine” instead. "
        "“zzzzqx” was left out: no page matched it with the other words."
    )


def test_a_query_that_finds_something_is_searched_as_typed(client, demo_content):
    response = page(client, "ketamine depression")
    assert shown_titles(response)
    assert status_line(response).startswith(f"{response.context['paginator'].count} results for “ketamine")
    assert "No results for" not in response.content.decode()


def test_a_word_with_nothing_near_it_gives_the_usual_empty_page(client, demo_content):
    response = page(client, "zzzzqx")
    assert status_line(response) == "0 results for “zzzzqx”"
    assert "Nothing matched." in response.content.decode()


def test_quoted_and_negated_words_are_never_changed(client, demo_content):
    # A word in quotes was asked for exactly: nothing near it is searched instead.
    assert status_line(page(client, '"depresion"')) == "0 results for “&quot;depresion&quot;”"
    # A minus keeps its meaning beside a corrected word (PostgreSQL's websearch reads minus-terms).
    if connection.vendor == "postgresql":
        response = page(client, "depresion -spravato")
        assert "for “depression -spravato” instead." in status_line(response)
        assert shown_titles(response) == [result.title for result in search("depression -spravato")][:10]


def test_a_corrected_word_still_brings_its_synonyms(client, demo_content):
    # "spravto" is read as "spravato", whose synonym set also finds pages that say "esketamine nasal spray".
    response = page(client, "Spravto")
    assert "Esketamine nasal spray (Spravato)" in shown_titles(response)
    assert shown_titles(response) == [result.title for result in search("Spravato")][:10]
    assert "for “Spravato” instead." in status_line(response)  # written as it was typed, capital kept


# With pages of the test's own


def test_a_newly_published_word_becomes_correctable(client):
    ArticleFactory(published=True, title="Sleep after a session", body="<p>Rest.</p>")
    assert status_line(page(client, "zolpridexx")) == "0 results for “zolpridexx”"
    ArticleFactory(published=True, title="Zolpridex explained", body="<p>A made-up medicine.</p>")
    response = page(client, "zolpridexx")
    assert shown_titles(response) == ["Zolpridex explained"]
    assert "Showing 1 result for “zolpridex” instead." in status_line(response)


def test_a_draft_lends_no_word_to_correct_to(client):
    # Were the draft's title a word to correct to, the page would show the published article that has
    # the word in its body, and so name what the draft is about before it is published.
    ArticleFactory(title="Zolpridex explained", body="<p>A made-up medicine.</p>")  # not published
    ArticleFactory(published=True, title="New medicines", body="<p>Zolpridex is coming.</p>")
    assert status_line(page(client, "zolpridex")) == "1 result for “zolpridex”"
    assert status_line(page(client, "zolpridexx")) == "0 results for “zolpridexx”"


def test_when_no_page_has_both_words_the_known_one_is_kept(client):
    anxiety = ConditionFactory(name="Social anxiety", summary="Fear of being judged.")
    ArticleFactory(published=True, title="Depression at work", body="<p>Low mood.</p>")
    response = page(client, "anxiety depresion")
    assert shown_titles(response) == [anxiety.name]
    assert status_line(response) == (
        "No results for “anxiety depresion”. Showing 1 result for “anxiety” instead. "
        "“depresion” was left out: no page matched it with the other words."
    )


def test_a_corrected_search_costs_two_searches_once_the_words_are_known(
    client, django_assert_max_num_queries
):
    for number in range(3):
        ArticleFactory(published=True, title=f"Infusion notes {number}")
    page(client, "infusoin")  # builds the vocabulary and warms the site-profile cache
    with django_assert_max_num_queries(2 * SEARCH_PAGE_QUERIES):
        assert len(shown_titles(page(client, "infusoin"))) == 3


# The parts


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("anxeity", "anxiety", 2) == 1
    assert edit_distance("depresion", "depression", 2) == 1
    assert edit_distance("ketmin", "ketamine", 2) == 2
    assert edit_distance("zzzzqx", "ketamine", 2) == 3  # past the limit: not measured further


def test_the_nearest_word_wins_then_the_one_most_pages_have():
    vocabulary = Vocabulary.build(["dosing doses", "dosing", "dosage", "posing"])
    assert vocabulary.correction("dosinh") == "dosing"  # "posing" is two edits away
    assert Vocabulary.build(["pose", "dose", "dose again"]).correction("fose") == "dose"  # two pages to one
    assert vocabulary.correction("iv") is None  # too short to guess


def test_long_words_forgive_two_edits_short_ones_one():
    vocabulary = Vocabulary.build(["ketamine", "nausea"])
    assert vocabulary.correction("ketmine") == "ketamine"
    assert vocabulary.correction("kettamin") == "ketamine"  # eight letters: two edits
    assert vocabulary.correction("ketmin") is None  # six letters: one edit at most
    assert vocabulary.correction("nasea") == "nausea"
    assert vocabulary.correction("naseaa") is None
