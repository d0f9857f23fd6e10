"""The Spanish pages' queries are pinned as the English ones are: read afresh, one more query per kind of
translated row a page shows (their translators and reviewers with them), and none more as content grows; once
read, as many as the English page."""

from datetime import date

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleTranslation
from conditions.models import (
    AdministrationRouteTranslation,
    ConditionGroupTranslation,
    ConditionTranslation,
    ContraindicationTranslation,
)
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

REVIEWED = date(2026, 12, 1)


@pytest.fixture
def reviewer(site_profile):
    return PersonFactory(may_review=True)


def translated_condition(reviewer, route):
    condition = ConditionFactory()
    ConditionRouteFactory(condition=condition, route=route)
    ConditionTranslation.objects.create(
        original=condition, name=f"Afección {condition.pk}", summary="Resumen.", description="<p>Texto.</p>",
        reviewer=reviewer, last_reviewed=REVIEWED,
    )  # fmt: skip
    ConditionGroupTranslation.objects.get_or_create(
        original=condition.group, language="es",
        defaults={"name": f"Grupo {condition.group.pk}", "reviewer": reviewer, "last_reviewed": REVIEWED},
    )  # fmt: skip
    contraindication = ContraindicationFactory(routes=[route])
    ContraindicationTranslation.objects.create(
        original=contraindication, name=f"Contraindicación {contraindication.pk}", explanation="Explicación.",
        screening_question="¿Pregunta?", advice="Consejo.", reviewer=reviewer, last_reviewed=REVIEWED,
    )  # fmt: skip
    article = ArticleFactory(published=True)
    article.related_conditions.add(condition)
    ArticleTranslation.objects.create(
        original=article, title=f"Artículo {article.pk}", body="<p>Texto.</p>", reviewer=reviewer,
        last_reviewed=REVIEWED,
    )  # fmt: skip
    return condition, article


def queries_for(client, path, django_assert_num_queries, expected):
    ContentType.objects.get_for_models(*apps.get_models())  # known to the process, as on a running site
    cache.clear()  # rendered afresh, with nothing in the shared cache (no page, no fragment, no value)
    with django_assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200, path
    language = "es" if path.startswith("/es/") else "en"
    assert f'<html lang="{language}">' in response.content.decode()


# Measured with an empty shared cache, each page in Spanish and in English: the Spanish one makes one more
# query per kind of translated row it shows (conditions, their groups, routes, articles, their categories,
# tags and authors, key facts, safety items, the site profile…), none for the people named, and neither makes
# more as content grows.
SPANISH_PAGES = {
    "/es/": 13,
    "/": 7,
    "/es/conditions/": 5,
    "/conditions/": 2,
    "/es/treatments/": 4,
    "/treatments/": 2,
    "/es/articles/": 6,
    "/articles/": 3,
    "/es/safety/": 10,
    "/safety/": 7,
}


@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_list_pages_make_as_many_queries_with_more_content(client, reviewer, path, django_assert_num_queries):
    route = AdministrationRouteFactory()
    AdministrationRouteTranslation.objects.create(
        original=route, name="Vía", summary="Resumen.", session_length="40 minutos",
        schedule_induction="Seis", observation_period="Una hora", setting="Clínica", monitoring="Presión",
        onset="Rápido",
        reviewer=reviewer, last_reviewed=REVIEWED,
    )  # fmt: skip
    for _ in range(2):
        translated_condition(reviewer, route)
        translated_condition(reviewer, route)
        queries_for(client, path, django_assert_num_queries, SPANISH_PAGES[path])


def test_a_spanish_condition_and_article_page_make_as_many_queries_with_more_content(
    client, reviewer, django_assert_num_queries
):
    route = AdministrationRouteFactory()
    condition, article = translated_condition(reviewer, route)
    for _ in range(2):
        translated_condition(reviewer, route)
        queries_for(client, f"/es/conditions/{condition.slug}/", django_assert_num_queries, 14)
        queries_for(client, f"/conditions/{condition.slug}/", django_assert_num_queries, 8)
        queries_for(client, f"/es/articles/{article.slug}/", django_assert_num_queries, 18)
        queries_for(client, f"/articles/{article.slug}/", django_assert_num_queries, 10)


def warm_queries(client, path):
    """The queries of a page read again, as on a running site: its fragments and translations already read."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


# Once a process has read a kind's translations it holds them until one of them, their originals or the people
# they name changes (domain/translations.py), so that on a running site a Spanish page makes as many queries
# as the English one: measured with the shared cache warm and the page cache off, as `make bench` measures
# uncached pages.
WARM_PAGES = {
    ("/", "/es/"): 1,
    ("/conditions/", "/es/conditions/"): 1,
    ("/treatments/", "/es/treatments/"): 1,
    ("/articles/", "/es/articles/"): 2,
    ("/safety/", "/es/safety/"): 0,  # its list is a fragment kept whole
}


@pytest.mark.parametrize("pages", WARM_PAGES)
def test_once_read_a_spanish_page_makes_as_many_queries_as_the_english_one(client, reviewer, pages):
    route = AdministrationRouteFactory()
    AdministrationRouteTranslation.objects.create(
        original=route, name="Vía", summary="Resumen.", session_length="40 minutos",
        schedule_induction="Seis", observation_period="Una hora", setting="Clínica", monitoring="Presión",
        onset="Rápido", reviewer=reviewer, last_reviewed=REVIEWED,
    )  # fmt: skip
    translated_condition(reviewer, route)
    translated_condition(reviewer, route)
    english, spanish = pages

    assert (warm_queries(client, english), warm_queries(client, spanish)) == (WARM_PAGES[pages],) * 2


def test_once_read_a_spanish_condition_and_article_make_as_many_queries_as_the_english_ones(client, reviewer):
    route = AdministrationRouteFactory()
    condition, article = translated_condition(reviewer, route)
    translated_condition(reviewer, route)

    assert warm_queries(client, f"/conditions/{condition.slug}/") == 3
    assert warm_queries(client, f"/es/conditions/{condition.slug}/") == 3
    assert warm_queries(client, f"/articles/{article.slug}/") == 7
    assert warm_queries(client, f"/es/articles/{article.slug}/") == 7


def test_a_spanish_list_of_articles_reads_no_translated_bodies(client, reviewer):
    route = AdministrationRouteFactory()
    translated_condition(reviewer, route)
    translated_condition(reviewer, route)

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/es/articles/").status_code == 200

    read = [query["sql"] for query in queries if 'FROM "articles_articletranslation"' in query["sql"]]
    assert read, "the list read its translations"
    assert not [sql for sql in read if '"articles_articletranslation"."body"' in sql]
