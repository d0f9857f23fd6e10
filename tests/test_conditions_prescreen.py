import contextlib
import logging
import re
import runpy
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conditions.forms import PrescreenForm
from conditions.models import Contraindication, ContraindicationKind, Severity
from conditions.views import PRESCREEN_ANSWER_BYTES
from tests.factories import ContraindicationFactory, InteractionFactory
from tests.helpers import PRESCREEN_GET_QUERIES

pytestmark = pytest.mark.django_db

CHECK_URL = reverse("conditions:check")
CHECK_POST_QUERIES = 2  # the same as a GET (PRESCREEN_GET_QUERIES), and nothing written


@pytest.fixture
def questions(site_profile):
    return {
        "psychosis": ContraindicationFactory(
            name="History of psychosis",
            kind=ContraindicationKind.ABSOLUTE,
            screening_question="Have you ever been diagnosed with psychosis or schizophrenia?",
        ),
        "pressure": ContraindicationFactory(
            name="High blood pressure",
            kind=ContraindicationKind.RELATIVE,
            screening_question="Do you have high blood pressure?",
        ),
        "pregnancy": ContraindicationFactory(
            name="Pregnancy or breastfeeding",
            kind=ContraindicationKind.ABSOLUTE,
            screening_question="Are you pregnant or breastfeeding?",
        ),
    }


def field(contraindication):
    return f"q{contraindication.pk}"


def test_form_asks_each_listed_screening_question_as_a_fieldset(client, questions):
    hidden = ContraindicationFactory(screening_question="A question staff have hidden?", is_listed=False)

    response = client.get(CHECK_URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("<fieldset") == 3
    assert "<legend>Do you have high blood pressure?</legend>" in html
    assert hidden.screening_question not in html
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    pressure = field(questions["pressure"])
    for value in ("yes", "no", "unsure"):
        assert f'<label for="id_{pressure}_' in html
        assert f'name="{pressure}" value="{value}"' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_absolute_yes_means_likely_not_a_candidate(client, questions):
    response = client.post(
        CHECK_URL, {field(questions["psychosis"]): "yes", field(questions["pressure"]): "no"}
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert "Your pre-screen result" in html
    assert "History of psychosis" in html and "not a safe choice" in html
    assert "High blood pressure</h3>" not in html
    assert "not a diagnosis or a medical decision" in html
    assert 'class="crisis-box"' in html
    assert 'href="tel:5550100142"' in html and "https://booking.example.org/clinic" in html


def test_relative_yes_needs_careful_evaluation(client, questions):
    html = client.post(CHECK_URL, {field(questions["pressure"]): "yes"}).content.decode()

    assert "High blood pressure</h3>" in html and "needs careful evaluation by a clinician" in html
    assert "not a safe choice" not in html


def test_not_sure_is_worth_asking_about(client, questions):
    html = client.post(CHECK_URL, {field(questions["pregnancy"]): "unsure"}).content.decode()

    assert "Pregnancy or breastfeeding</h3>" in html
    assert "worth asking a clinician about" in html
    assert "<strong>Not sure</strong>" in html


def test_findings_come_most_important_first_whatever_the_question_order(questions):
    answers = {
        field(questions["psychosis"]): "unsure",
        field(questions["pressure"]): "yes",
        field(questions["pregnancy"]): "yes",
    }
    form = PrescreenForm(answers, contraindications=Contraindication.objects.listed())
    assert form.is_valid()

    order = [(item.name, answer) for item, answer, _advice, _kind in form.findings()]

    assert order == [
        ("Pregnancy or breastfeeding", "yes"),  # absolute, though asked last
        ("High blood pressure", "yes"),  # relative
        ("History of psychosis", "unsure"),  # not sure comes after every yes
    ]


def test_result_page_leads_with_the_findings_then_next_steps_then_a_compact_crisis_box(client, questions):
    answers = {
        field(questions["psychosis"]): "unsure",
        field(questions["pressure"]): "yes",
        field(questions["pregnancy"]): "yes",
    }
    html = client.post(CHECK_URL, answers).content.decode()

    positions = [
        html.index("<h1>Your pre-screen result</h1>"),
        html.index("not a diagnosis or a medical decision"),
        html.index("Pregnancy or breastfeeding</h3>"),
        html.index("High blood pressure</h3>"),
        html.index("History of psychosis</h3>"),
        html.index('id="talk-to-clinician">What to do next</h2>'),
        html.index('class="crisis-box"'),
        html.index("Change your answers"),
    ]
    assert positions == sorted(positions)
    notice = html[positions[1] : html.index("</p>", positions[1])]
    assert len(notice) < 200  # a clear statement, not a screenful
    box = html[positions[6] : html.index("</aside>", positions[6])]
    assert box.count("<p>") == 1 and 'href="tel:988"' in box and 'href="tel:911"' in box
    assert 'href="tel:5550100142"' in html and "https://booking.example.org/clinic" in html
    assert "Usually rules ketamine treatment out" in html and "Needs careful evaluation first" in html


def test_all_no_lists_nothing_but_still_needs_a_clinician(client, questions):
    html = client.post(CHECK_URL, {field(c): "no" for c in questions.values()}).content.decode()

    # A result never says nothing rules treatment out: it says what the screen covered, and who decides.
    assert "rules ketamine treatment out" not in html
    assert "This screen asked 3 questions about health conditions and 0 about medicines" in html
    assert "A clinician decides" in html
    assert 'class="finding' not in html
    assert "not a diagnosis or a medical decision" in html


def test_unanswered_questions_are_treated_as_not_answered(client, questions):
    html = client.post(CHECK_URL, {}).content.decode()

    assert "You didn't answer any questions" in html
    assert 'class="finding' not in html


def test_get_with_answers_in_the_query_string_computes_nothing(client, questions):
    response = client.get(CHECK_URL, {field(questions["psychosis"]): "yes"})
    html = response.content.decode()

    assert response.status_code == 200  # the empty form, asking every question
    assert html.count("<fieldset") == 3 and f'name="{field(questions["psychosis"])}" value="yes"' in html
    assert "Your pre-screen result" not in html
    assert "not a safe choice" not in html
    assert "checked" not in html


@pytest.mark.parametrize("method", ["put", "patch", "delete", "head", "options"])
def test_other_methods_are_not_allowed(client, questions, method):
    assert getattr(client, method)(CHECK_URL).status_code == 405


def test_unknown_question_gives_a_form_error_not_a_server_error(client, questions):
    response = client.post(CHECK_URL, {"q999999": "yes", field(questions["pressure"]): "yes"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Some answers don&#x27;t match the current questions" in html
    assert "Your pre-screen result" not in html


def test_answer_inputs_are_djangos_own_html_checked_and_with_errors(questions):
    """The form writes its radio inputs itself, for speed; they must stay what Django's templates write."""
    data = {field(questions["psychosis"]): "yes", field(questions["pressure"]): "maybe"}
    items = {"contraindications": Contraindication.objects.listed(), "interactions": [InteractionFactory()]}
    ours = PrescreenForm(data, **items)
    djangos = PrescreenForm(data, renderer=DjangoTemplates(), **items)

    ours_html = [radio.tag() for bound_field in ours for radio in bound_field]

    assert ours_html == [radio.tag() for bound_field in djangos for radio in bound_field]
    assert any(" checked" in tag for tag in ours_html) and any("aria-invalid" in tag for tag in ours_html)


def test_bad_answer_value_gives_a_clear_field_error(client, questions):
    response = client.post(CHECK_URL, {field(questions["pressure"]): "maybe<script>"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Choose yes, no or not sure, or leave it unanswered." in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_post_result_is_never_stored_or_cached(client, questions, django_assert_num_queries, caplog):
    data = {field(questions["psychosis"]): "yes", field(questions["pressure"]): "unsure"}

    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as captured, django_assert_num_queries(CHECK_POST_QUERIES):
        response = client.post(CHECK_URL, data)

    assert response.status_code == 200
    writes = [
        q["sql"] for q in captured.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "sessionid" not in response.cookies
    assert field(questions["psychosis"]) not in caplog.text


def test_check_page_query_counts_do_not_grow(client, questions, django_assert_num_queries):
    for _ in range(2):
        ContraindicationFactory.create_batch(5)
        with django_assert_num_queries(PRESCREEN_GET_QUERIES):
            assert client.get(CHECK_URL).status_code == 200
        with django_assert_num_queries(CHECK_POST_QUERIES):
            assert client.post(CHECK_URL, {field(questions["pressure"]): "yes"}).status_code == 200


def test_post_works_with_a_real_csrf_token(questions):
    browser = Client(enforce_csrf_checks=True)
    browser.get(CHECK_URL)
    token = browser.cookies["csrftoken"].value

    answered = browser.post(CHECK_URL, {"csrfmiddlewaretoken": token, field(questions["pressure"]): "yes"})
    forged = Client(enforce_csrf_checks=True).post(CHECK_URL, {field(questions["pressure"]): "yes"})

    assert answered.status_code == 200 and "needs careful evaluation" in answered.content.decode()
    assert forged.status_code == 403


def _recorded(method, name, writes):
    def record(*args, **kwargs):
        writes.append((name, args[0] if args else None))
        return method(*args, **kwargs)

    return record


def _server_records(client, data, caplog):
    """Return everything the server keeps or logs about one pre-screen POST."""
    caplog.clear()
    backend = caches["default"]
    writes = []
    spies = [
        mock.patch.object(backend, name, side_effect=_recorded(getattr(backend, name), name, writes))
        for name in ("set", "add", "set_many", "incr", "delete")
    ]
    with CaptureQueriesContext(connection) as captured, contextlib.ExitStack() as stack:
        for spy in spies:
            stack.enter_context(spy)
        response = client.post(CHECK_URL, data)
    return {
        "status": response.status_code,
        "size": len(response.content),  # what an access log's byte count records
        # Expires follows the clock and X-Request-ID a random id, not the answers; Content-Length is checked
        # through "size".
        "headers": {
            k: v for k, v in response.items() if k not in ("Content-Length", "Expires", "X-Request-ID")
        },
        "cookies": {name: morsel.value for name, morsel in response.cookies.items()},
        "sql": [query["sql"] for query in captured.captured_queries],
        "cache writes": writes,
        "log": [
            (record.name, record.levelno, record.getMessage().replace(response["X-Request-ID"], "<id>"))
            for record in caplog.records
        ],
    }, response


def test_nothing_the_server_records_differs_with_the_answers(client, questions, caplog):
    caplog.set_level(logging.DEBUG)
    worrying = {field(q): "yes" for q in questions.values()}
    reassuring = {field(q): "no" for q in questions.values()}

    first, first_page = _server_records(client, worrying, caplog)
    second, second_page = _server_records(client, reassuring, caplog)

    assert "not a safe choice" in first_page.content.decode()
    assert "not a safe choice" not in second_page.content.decode()
    assert first == second
    assert first["size"] % PRESCREEN_ANSWER_BYTES == 0
    assert "no-transform" in first_page["Cache-Control"]


def test_access_log_lines_carry_nothing_that_varies_with_the_answers():
    # The pre-screen answer page has one status and one size whatever the answers (test above), and
    # gunicorn's access line is built only from these atoms: no query string, no referrer, no timing
    # that a reader could not also get from any other page.
    config = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    atoms = set(re.findall(r"%\((\w+)\)s", config["access_log_format"]))
    assert atoms <= {"h", "m", "U", "s", "b", "M", "t"}, atoms


def test_an_oversized_public_post_is_refused_unread_with_a_clear_page(client, questions):
    padding = "x" * (17 * 1024)

    response = client.post(CHECK_URL, {field(questions["pressure"]): "yes", "note": padding})

    assert response.status_code == 413
    html = response.content.decode()
    assert "more than this form takes" in html and "Nothing was saved" in html
    assert client.post(CHECK_URL, {field(questions["pressure"]): "yes"}).status_code == 200


def test_a_dangerous_medicine_comes_after_an_absolute_yes_and_before_every_not_sure(questions):
    opioids = InteractionFactory(name="Opioid pain medicines", severity=Severity.SERIOUS)
    answers = {
        field(questions["psychosis"]): "unsure",
        field(questions["pregnancy"]): "yes",
        PrescreenForm.field_name(opioids): "yes",
    }
    form = PrescreenForm(answers, contraindications=Contraindication.objects.listed(), interactions=[opioids])
    assert form.is_valid()

    order = [item.name for item, _answer, _advice, _kind in form.findings()]

    assert order == ["Pregnancy or breastfeeding", "Opioid pain medicines", "History of psychosis"]
