import pytest
from django.db import connection
from django.urls import reverse

from clinic.site.search import MAX_QUERY_CHARS, TSQUERY, normalize_query, search
from tests.factories import AdministrationRouteFactory, ArticleFactory, ConditionFactory

pytestmark = pytest.mark.django_db

# SQLite: articles, conditions, treatments. PostgreSQL: every kind ranked in one statement, then the page
# shown fetched with its snippets in one more.
SEARCH_PAGE_QUERIES = 2 if connection.vendor == "postgresql" else 3
ODD_QUERIES = [
    "",
    "   ",
    "x" * 2048,
    '"unbalanced quote',
    "100% sure",
    "under_score",
    "ketamine & | ! :* <>",
    "кетамин депрессия",
    "ケタミン",
    "\x00\x07control",
    "' OR 1=1 --",
]


def titles(results):
    return [result.title for result in results]


def test_search_finds_published_articles_conditions_and_treatments():
    article = ArticleFactory(published=True, title="Sleep after an infusion", body="<p>Rest helps.</p>")
    condition = ConditionFactory(name="Insomnia with depression", summary="Trouble sleeping and low mood.")
    route = AdministrationRouteFactory(name="Sleep clinic route", summary="Given in the evening.")
    found = titles(search("sleep"))
    assert {article.title, condition.name, route.name} <= set(found)


def test_search_never_shows_drafts_scheduled_or_hidden_content():
    ArticleFactory(title="Sleep draft", body="<p>sleep</p>")
    ArticleFactory(scheduled=True, title="Sleep scheduled", body="<p>sleep</p>")
    ConditionFactory(hidden=True, name="Sleep hidden condition")
    AdministrationRouteFactory(is_listed=False, name="Sleep hidden route")
    assert search("sleep") == []


def test_title_match_ranks_above_body_match():
    body_match = ArticleFactory(
        published=True, title="Preparing for a visit", body="<p>Notes on esketamine.</p>"
    )
    title_match = ArticleFactory(published=True, title="Esketamine explained", body="<p>A nasal spray.</p>")
    assert titles(search("esketamine"))[:2] == [title_match.title, body_match.title]


def test_snippet_highlights_the_match_and_escapes_author_text():
    ArticleFactory(
        published=True, title="Dosing", body="<p>Doses use 0.5 mg/kg &lt;b&gt; given over forty minutes.</p>"
    )
    snippet = search("forty")[0].snippet
    assert "<mark>forty</mark>" in snippet.lower()
    assert "<b>" not in snippet


@pytest.mark.parametrize("query", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_odd_queries_give_a_normal_page(client, query):
    ArticleFactory(published=True, title="Ketamine basics")
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= MAX_QUERY_CHARS


def test_percent_and_underscore_are_literal_not_wildcards():
    ArticleFactory(published=True, title="Completely unrelated", body="<p>nothing here</p>")
    assert search("%") == [] and search("_") == []


def test_search_page_shows_results_count_and_paginates(client):
    ArticleFactory.create_batch(12, published=True, body="<p>Infusion notes.</p>")
    first = client.get(reverse("search"), {"q": "infusion"})
    assert "12 results for “infusion”" in first.content.decode()
    assert len(first.context["page_obj"]) == 10
    second = client.get(reverse("search"), {"q": "infusion", "page": 2})
    assert len(second.context["page_obj"]) == 2
    assert client.get(reverse("search"), {"q": "infusion", "page": 99}).status_code == 404
    assert client.get(reverse("search"), {"q": "infusion", "page": "abc"}).status_code == 404


def test_search_page_keeps_the_query_in_pagination_links(client):
    ArticleFactory.create_batch(11, published=True, body="<p>Infusion notes.</p>")
    html = client.get(reverse("search"), {"q": "infusion"}).content.decode()
    assert "q=infusion" in html and "page=2" in html


def test_normalize_query_collapses_whitespace_and_caps_length():
    assert normalize_query("  two \n words\t") == "two words"
    assert len(normalize_query("y" * 5000)) == MAX_QUERY_CHARS


def test_search_query_count_does_not_grow_with_matches(client, django_assert_num_queries):
    for batch in (1, 15):
        ArticleFactory.create_batch(batch, published=True, body="<p>Infusion notes.</p>")
        ConditionFactory.create_batch(batch, summary="Infusion condition.")
        client.get(reverse("search"), {"q": "infusion"})  # warm the site-profile cache
        with django_assert_num_queries(SEARCH_PAGE_QUERIES):
            assert client.get(reverse("search"), {"q": "infusion"}).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL")
def test_postgres_search_uses_stemming_and_the_gin_indexes():
    article = ArticleFactory(published=True, title="Infusions at the clinic", body="<p>We infuse slowly.</p>")
    assert titles(search("infusion")) == [article.title]  # "infusions" stems to "infus"
    # A word few articles have is found through the stored vectors' indexes: the title and summary's, and
    # the whole article's (the ranking statement filters on both columns, as here).
    with connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL enable_seqscan = off"
        )  # a handful of rows: make the planner show its choice
        plans = {}
        for column in ("search_head", "search_vector"):
            cursor.execute(
                f"EXPLAIN SELECT id FROM articles_article WHERE {column} @@ {TSQUERY}", ["infusion"]
            )
            plans[column] = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_head_idx" in plans["search_head"]
    assert "article_search_idx" in plans["search_vector"]


# The fallback (no PostgreSQL): word forms as PostgreSQL's english configuration stems them, and snippets
# cut at word boundaries. On PostgreSQL the same queries run through full-text search.


def test_plurals_and_word_forms_find_what_the_base_word_finds():
    spray = ArticleFactory(published=True, title="Using the nasal spray", body="<p>Two sprays each time.</p>")
    study = ConditionFactory(name="Bipolar depression", summary="One small study looked at this.")
    infusion = AdministrationRouteFactory(name="IV route", summary="Infusions are given in the clinic.")
    assert titles(search("nasal sprays")) == titles(search("nasal spray")) == [spray.title]
    assert study.name in titles(search("studies")) and study.name in titles(search("study"))
    assert infusion.name in titles(search("infusion")) and infusion.name in titles(search("infused"))


def test_a_word_inside_another_word_is_not_a_match():
    ArticleFactory(published=True, title="Getting started", body="<p>Start slowly.</p>")
    assert search("art") == []  # "start" is not a form of "art", as on PostgreSQL
    assert search("the") == []  # a stop word alone finds nothing


def test_stop_words_do_not_have_to_appear():
    article = ArticleFactory(published=True, title="Infusion day", body="<p>Plan for two hours.</p>")
    assert titles(search("what is an infusion")) == [article.title]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL's ts_headline cuts at words itself")
def test_snippet_starts_and_ends_on_word_boundaries():
    words = [f"word{n}" for n in range(80)]
    words[40] = "esketamine"
    body = " ".join(words) + "."
    ArticleFactory(published=True, title="Long piece", body=f"<p>{body}</p>")

    snippet = str(search("esketamine")[0].snippet)

    assert snippet.startswith("… ") and snippet.endswith(" …")
    shown = snippet.removeprefix("… ").removesuffix(" …").replace("<mark>", "").replace("</mark>", "")
    assert shown.split()[0] in words and shown.split()[-1] in words  # whole words at both ends
    assert "<mark>esketamine</mark>" in snippet and len(shown) <= 220
    assert shown.index("esketamine") >= 40  # some context before the match


def test_snippet_marks_every_form_of_the_word():
    ArticleFactory(
        published=True, title="Dosing", body="<p>One spray, then two sprays after five minutes.</p>"
    )
    snippet = str(search("sprays")[0].snippet)
    assert "<mark>spray</mark>, then two <mark>sprays</mark> after five minutes" in snippet


def test_snippets_show_characters_the_body_stores_as_entities_once_escaped(client):
    ArticleFactory(
        published=True,
        title="When to call for help",
        body="<p>Call the Suicide &amp; Crisis Lifeline if you feel unsafe; 5 &lt; 6 in any case.</p>",
    )
    html = client.get(reverse("search"), {"q": "lifeline"}).content.decode()
    assert "Suicide &amp; Crisis" in html and "&amp;amp;" not in html
    assert "5 &lt; 6" in html and "&amp;lt;" not in html
