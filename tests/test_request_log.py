"""One JSON line per request (id, view, status, time, cache outcome), and nothing a reader typed."""

import json
import logging

import pytest
from django.urls import reverse

from domain.models import SiteProfile
from tests.factories import ConditionFactory, ContraindicationFactory

pytestmark = pytest.mark.django_db


def _lines(caplog):
    return [json.loads(record.getMessage()) for record in caplog.records if record.name == "clinic.requests"]


@pytest.fixture
def logged(caplog):
    caplog.set_level(logging.INFO, logger="clinic.requests")
    return caplog


def test_each_request_logs_one_line_whose_id_the_reader_is_given(client, logged, page_cache):
    SiteProfile.objects.get_current()
    path = ConditionFactory(name="Panic disorder").get_absolute_url()

    first, again = client.get(path), client.get(path)

    miss, hit = _lines(logged)
    assert first.status_code == again.status_code == 200
    assert miss["path"] == hit["path"] == path
    assert miss["view"] == "conditions:detail" and miss["status"] == 200 and miss["method"] == "GET"
    assert hit["view"] == "conditions:detail"  # the page cache answered, and no view ran: named all the same
    assert (miss["cache"], hit["cache"]) == ("miss", "hit")
    assert isinstance(miss["duration_ms"], float) and miss["duration_ms"] >= 0
    assert first["X-Request-ID"] == miss["request_id"] and again["X-Request-ID"] == hit["request_id"]
    assert miss["request_id"] != hit["request_id"]


def test_what_a_reader_types_never_reaches_the_log(client, logged):
    SiteProfile.objects.get_current()
    question = ContraindicationFactory(screening_question="Have you ever had psychosis?")

    client.get(reverse("search"), {"q": "my private worry"})
    client.post(reverse("conditions:check"), {f"item-{question.pk}": "yes", "note": "my private worry"})

    search, prescreen = _lines(logged)
    assert search["path"] == "/search/" and prescreen["path"] == "/safety/check/"
    assert prescreen["method"] == "POST" and prescreen["cache"] == "bypass"
    assert search["duration_ms"] >= 0 and prescreen["duration_ms"] is None  # its timing could hint
    assert "private worry" not in logged.text and "q=" not in logged.text and "psychosis" not in logged.text
