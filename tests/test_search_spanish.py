"""Search on Spanish pages (issue 24): /es/search/ finds the public Spanish translations, in Spanish (accents
folded, Spanish stems), links to the Spanish pages, and never finds an English-only page; the English search
never finds a translation. Runs on SQLite (the fallback), and on PostgreSQL when DATABASE_URL names one."""

import importlib
from datetime import date

import pytest
from django.db import DatabaseError, connection

from articles.models import ArticleTranslation
from clinic.site import views
from clinic.site.checks import spanish_search_folds_accents
from clinic.site.search import SPANISH_SEARCH_CONFIG, search, tsquery
from conditions.models import AdministrationRouteTranslation, ConditionTranslation
from domain.models import SynonymSet
from domain.translations import withdraw_translations
from tests.factories import AdministrationRouteFactory, ArticleFactory, ConditionFactory, PersonFactory

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")

# As the English search: PostgreSQL ranks every kind in one statement, then fetches the page shown in one
# more; SQLite reads each kind's candidates, a translation with its original (the address), in one query.
SEARCH_PAGE_QUERIES = 2 if connection.vendor == "postgresql" else 3
REVIEWED = date(2026, 12, 1)


def reviewed(**fields):
    return {"reviewer": PersonFactory(may_review=True), "last_reviewed": REVIEWED, **fields}


def spanish_condition(condition, **fields):
    values = {
        "name": "Depresión resistente al tratamiento",
        "summary": "Una depresión que no mejora lo suficiente con dos antidepresivos.",
        "description": "<p>Se habla de depresión resistente tras probar dos tratamientos.</p>",
        **fields,
    }
    return ConditionTranslation.objects.create(original=condition, language="es", **reviewed(**values))


def spanish_article(article, **fields):
    values = {"title": "Su primera sesión", "body": "<p>Qué esperar el primer día.</p>", **fields}
    return ArticleTranslation.objects.create(original=article, language="es", **reviewed(**values))


def spanish_route(route, **fields):
    values = {
        "name": "Ketamina intramuscular",
        "summary": "Una inyección en el músculo del brazo.",
        "session_length": "Unas dos horas",
        "schedule_induction": "Dos veces por semana",
        "observation_period": "Dos horas",
        "setting": "En la clínica",
        "monitoring": "Presión arterial",
        "onset": "Horas o días",
        "description": "<p>El personal le pone la inyección y le observa.</p>",
        **fields,
    }
    return AdministrationRouteTranslation.objects.create(original=route, language="es", **reviewed(**values))


def spanish_search(query, **params):
    return search(query, language="es", **params)


def titles(results):
    return [result.title for result in results]


def test_a_word_typed_without_its_accent_finds_the_page_that_has_it(client):
    spanish_condition(ConditionFactory(slug="trd", name="Treatment-resistant depression"))

    page = client.get("/es/search/", {"q": "depresion"})

    assert page.status_code == 200
    results = list(page.context["page_obj"])
    assert titles(results) == ["Depresión resistente al tratamiento"]
    assert results[0].url == "/es/conditions/trd/"
    assert '<html lang="es">' in page.text and 'href="/es/conditions/trd/"' in page.text
    assert "de <mark>depresión</mark> resistente" in str(results[0].snippet)


def test_a_plural_finds_the_singular_and_accents_go_both_ways():
    route = spanish_route(AdministrationRouteFactory(slug="im", name="Intramuscular ketamine"))
    article = spanish_article(
        ArticleFactory(published=True, slug="nino", title="Children"),
        title="Cuando un niño pregunta",
        body="<p>Hablar con los niños sobre el tratamiento.</p>",
    )

    assert titles(spanish_search("inyecciones")) == [route.name]
    assert titles(spanish_search("inyeccion")) == [route.name]
    assert titles(spanish_search("NIÑO")) == titles(spanish_search("nino")) == [article.title]
    assert spanish_search("nino")[0].url == "/es/articles/nino/"


def test_a_word_in_acion_finds_its_singular_and_its_plural():
    # PostgreSQL 15's stemmer takes "medicación" and "medicaciones" to one stem only with the accent, which
    # the Spanish configuration takes off first: the query's word is searched in both numbers.
    singular = spanish_condition(
        ConditionFactory(name="Bipolar depression"),
        name="Depresión bipolar",
        summary="Una contraindicación frecuente es la manía.",
    )
    plural = spanish_article(
        ArticleFactory(published=True, title="Warnings"),
        title="Advertencias",
        body="<p>Las contraindicaciones de la ketamina.</p>",
    )

    for query in ("contraindicación", "contraindicacion", "contraindicaciones", "Contraindicaciones"):
        assert set(titles(spanish_search(query))) == {singular.name, plural.title}, query


def test_stop_words_need_not_appear():
    condition = spanish_condition(ConditionFactory(name="Treatment-resistant depression"))

    assert titles(spanish_search("qué es la depresión resistente")) == [condition.name]
    assert titles(spanish_search('"depresión resistente"')) == [condition.name]


def test_a_spanish_query_never_finds_an_english_only_page(client):
    ArticleFactory(published=True, title="Esketamine and Spravato", body="<p>Spravato is a nasal spray.</p>")
    ConditionFactory(name="Depresión clinic notes", summary="Depresión, in English pages.")  # no translation
    translated = ConditionFactory(name="Spravato for depression", summary="Spravato helps.")
    spanish_condition(translated, summary="Un aerosol nasal.")
    unreviewed = ConditionFactory(name="OCD")
    ConditionTranslation.objects.create(original=unreviewed, name="Depresión y TOC", summary="Texto.")

    assert titles(spanish_search("depresion")) == ["Depresión resistente al tratamiento"]
    assert spanish_search("Spravato") == []  # the English words of a translated page aren't its Spanish ones
    page = client.get("/es/search/", {"q": "Spravato"})
    assert page.status_code == 200 and not page.context["page_obj"]
    assert "Esketamine" not in page.text


def test_what_the_public_may_not_see_is_never_found():
    spanish_article(ArticleFactory(title="Draft"), title="Depresión en borrador")
    spanish_condition(ConditionFactory(hidden=True), name="Depresión oculta")
    corrected = ConditionFactory()
    spanish_condition(corrected, name="Depresión retirada")
    withdraw_translations(corrected, "A safety correction to the English page.")
    spanish_route(AdministrationRouteFactory(is_listed=False), name="Inyección oculta")

    assert spanish_search("depresión") == [] and spanish_search("inyección") == []


def test_the_english_search_never_finds_a_translation(client):
    condition = ConditionFactory(slug="trd", name="Treatment-resistant depression", summary="Hard to treat.")
    spanish_condition(condition)

    assert search("depresión", language="en") == [] and search("resistente", language="en") == []
    english = client.get("/search/", {"q": "depression"})
    results = list(english.context["page_obj"])
    assert titles(results) == ["Treatment-resistant depression"]
    assert results[0].url == "/conditions/trd/"
    assert "Depresión" not in english.text
    # "resistente" is near enough to "resistant" for the forgiving search; "tratamiento" to nothing English.
    assert not list(client.get("/search/", {"q": "tratamiento"}).context["page_obj"])


def test_english_synonyms_and_the_forgiving_search_leave_a_spanish_query_alone(client, monkeypatch):
    SynonymSet.objects.create(terms="TRD\ntreatment resistant depression")
    ConditionFactory(name="Treatment-resistant depression (TRD)")  # English only
    condition = spanish_condition(ConditionFactory(), summary="También llamada DRT (TRD en inglés).")

    assert titles(spanish_search("TRD")) == [condition.name]
    # The forgiving search would correct a Spanish word into an English page's word: off on Spanish pages.
    monkeypatch.setattr(views, "search_again", lambda *args: pytest.fail("searched again in English"))
    page = client.get("/es/search/", {"q": "depresiom"})
    assert page.status_code == 200 and page.context["forgiven"] is None
    assert not page.context["page_obj"]


def test_spanish_search_page_query_count_does_not_grow_with_matches(client, django_assert_num_queries):
    for batch in (1, 12):
        for _ in range(batch):
            spanish_article(
                ArticleFactory(published=True), title="Infusión de ketamina", body="<p>Infusión.</p>"
            )
            spanish_condition(ConditionFactory(), summary="Tratada con infusiones.")
        client.get("/es/search/", {"q": "infusión"})  # warm the site-profile cache
        with django_assert_num_queries(SEARCH_PAGE_QUERIES):
            page = client.get("/es/search/", {"q": "infusión"})
        assert page.status_code == 200
        assert all(result.url.startswith("/es/") for result in page.context["page_obj"])


@on_postgres
def test_postgres_stores_spanish_vectors_with_accents_folded_and_uses_the_indexes():
    article = spanish_article(ArticleFactory(published=True), title="El niño y la medicación")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_head::text FROM articles_articletranslation WHERE id = %s", [article.pk]
        )
        assert cursor.fetchone()[0] == "'medicacion':5A 'nin':2A"
        cursor.execute(
            "SET LOCAL enable_seqscan = off"
        )  # a handful of rows: make the planner show its choice
        plans = {}
        for column in ("search_head", "search_vector"):
            cursor.execute(
                f"EXPLAIN SELECT id FROM articles_articletranslation "
                f"WHERE {column} @@ {tsquery(SPANISH_SEARCH_CONFIG)}",
                ["nino"],
            )
            plans[column] = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_translation_search_head_idx" in plans["search_head"]
    assert "article_translation_search_idx" in plans["search_vector"]


@on_postgres
def test_without_unaccent_spanish_search_still_works_and_the_check_says_so():
    migration = importlib.import_module("domain.migrations.0016_spanish_search_configuration")
    assert spanish_search_folds_accents(databases=["default"]) == []

    class NoUnaccent:  # a server without PostgreSQL's contrib modules
        def __init__(self, editor):
            self.connection, self._editor = editor.connection, editor

        def execute(self, sql, params=()):
            if "unaccent" in sql and "EXTENSION" in sql:
                raise DatabaseError('extension "unaccent" is not available')
            return self._editor.execute(sql, params)

    with connection.schema_editor(atomic=False) as editor:
        migration.forward(None, NoUnaccent(editor))
    condition = spanish_condition(ConditionFactory(), name="Depresión en el niño")

    assert titles(spanish_search("depresion")) == [condition.name]  # Snowball takes acute accents off itself
    assert spanish_search("nino") == []  # but "ñ" stays
    [warning] = spanish_search_folds_accents(databases=["default"])
    assert warning.id == "site.W001" and "unaccent" in warning.msg and "CREATE EXTENSION" in warning.hint


def test_on_the_demo_content_spanish_words_find_the_spanish_pages(demo_content):
    for query, meant in [
        ("inyecciones", "Ketamina intramuscular"),
        ("depresion resistente", "Depresión resistente al tratamiento"),
        ("TEPT", "Trastorno de estrés postraumático (TEPT)"),
        ("efectos secundarios", "Seguridad y efectos secundarios de la ketamina: lo que debe saber"),
    ]:
        results = spanish_search(query)
        assert meant in titles(results)[:3], (query, titles(results))
        assert all(result.url.startswith("/es/") for result in results)
    assert titles(search("efectos secundarios", language="en")) == []


def test_crawlers_stay_out_of_the_spanish_search_too(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /search/" in lines and "Disallow: /es/search/" in lines
