"""The Spanish pages' queries are pinned as the English ones are: one more query per kind of translated row a
page shows, and none more as content grows."""

from datetime import date

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

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
# tags and authors, key facts, safety items, the site profile…), and neither makes more as content grows.
SPANISH_PAGES = {
    "/es/": 14,
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
        queries_for(client, f"/es/conditions/{condition.slug}/", django_assert_num_queries, 15)
        queries_for(client, f"/conditions/{condition.slug}/", django_assert_num_queries, 8)
        queries_for(client, f"/es/articles/{article.slug}/", django_assert_num_queries, 21)
        queries_for(client, f"/articles/{article.slug}/", django_assert_num_queries, 10)
