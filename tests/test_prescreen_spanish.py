"""The pre-screen in Spanish (issue 24) keeps every promise of the English one: in Spanish throughout, nothing
stored, logged or cached, and every answer page the same size."""

from datetime import date

import pytest

from conditions.models import ContraindicationKind, ContraindicationTranslation
from conditions.views import PRESCREEN_ANSWER_BYTES
from tests.factories import ContraindicationFactory, PersonFactory
from tests.test_conditions_prescreen import _server_records, field

pytestmark = pytest.mark.django_db

SPANISH_CHECK_URL = "/es/safety/check/"


@pytest.fixture
def spanish_questions(site_profile):
    reviewer = PersonFactory(may_review=True)
    items = {
        "psychosis": ContraindicationFactory(
            name="History of psychosis", kind=ContraindicationKind.ABSOLUTE,
            screening_question="Have you ever been diagnosed with psychosis or schizophrenia?",
        ),
        "pressure": ContraindicationFactory(
            name="High blood pressure", kind=ContraindicationKind.RELATIVE,
            screening_question="Do you have high blood pressure?",
        ),
    }  # fmt: skip
    spanish = {
        "psychosis": ("Antecedentes de psicosis", "¿Alguna vez le diagnosticaron psicosis o esquizofrenia?"),
        "pressure": ("Presión arterial alta", "¿Tiene la presión arterial alta?"),
    }
    for key, (name, question) in spanish.items():
        ContraindicationTranslation.objects.create(
            original=items[key], name=name, screening_question=question, explanation="Explicación.",
            advice="Hable con su médico.", reviewer=reviewer, last_reviewed=date(2026, 12, 1),
        )  # fmt: skip
    return items


def post_in_spanish(client, data, caplog):
    import tests.test_conditions_prescreen as english

    english_url, english.CHECK_URL = english.CHECK_URL, SPANISH_CHECK_URL
    try:
        return _server_records(client, data, caplog)
    finally:
        english.CHECK_URL = english_url


def test_the_spanish_pre_screen_asks_the_reviewed_spanish_questions(client, spanish_questions):
    page = client.get(SPANISH_CHECK_URL).content.decode()

    assert '<html lang="es">' in page
    assert "¿Alguna vez le diagnosticaron psicosis o esquizofrenia?" in page
    assert "Have you ever been diagnosed" not in page
    assert 'action="/es/safety/check/"' in page


def test_the_spanish_answer_page_is_in_spanish_and_records_nothing_that_varies_with_the_answers(
    client, spanish_questions, caplog
):
    worrying = {field(item): "yes" for item in spanish_questions.values()}
    reassuring = {field(item): "no" for item in spanish_questions.values()}
    client.get(SPANISH_CHECK_URL)  # a reader opens the form first: the site's profile in Spanish is cached

    first, first_page = post_in_spanish(client, worrying, caplog)
    second, second_page = post_in_spanish(client, reassuring, caplog)

    assert "Antecedentes de psicosis" in first_page.content.decode()
    assert "Antecedentes de psicosis" not in second_page.content.decode()
    assert first == second  # size, headers, cookies, SQL, cache writes and log lines alike
    assert first["size"] % PRESCREEN_ANSWER_BYTES == 0
    assert first["cache writes"] == []
    assert not [sql for sql in first["sql"] if not sql.lstrip().upper().startswith("SELECT")]
    assert "no-store" in first_page["Cache-Control"] and "private" in first_page["Cache-Control"]


def test_the_spanish_pre_screen_is_never_cached_or_compressed(client, spanish_questions):
    """BREACH: a compressed answer page beside what the reader typed could leak the answers."""
    for _ in range(2):
        page = client.get(SPANISH_CHECK_URL, headers={"accept-encoding": "gzip"})
        assert "Content-Encoding" not in page
        assert "s-maxage" not in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    answered = client.post(
        SPANISH_CHECK_URL, {field(spanish_questions["psychosis"]): "yes"}, headers={"accept-encoding": "gzip"}
    )
    assert answered.status_code == 200 and "Antecedentes de psicosis" in answered.content.decode()
    assert "Content-Encoding" not in answered and "s-maxage" not in answered["Cache-Control"]
