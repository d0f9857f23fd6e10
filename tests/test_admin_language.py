"""Issue 24: the admin follows each staff member's language; the public site stays English whatever a
browser asks for (its page cache is not keyed by language yet)."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.factories import ArticleFactory, ConditionFactory
from tests.helpers import change_url, form_data

pytestmark = pytest.mark.django_db


def in_spanish(text):
    """Return Django's own Spanish for text: the words its admin shows a Spanish browser."""
    with translation.override("es"):
        spanish = translation.gettext(text)
    assert spanish != text, f"Django's Spanish catalogue has no {text!r}: pick another phrase"
    return spanish


def test_a_staff_member_whose_browser_asks_for_spanish_reads_the_admin_in_spanish(client, editor):
    client.force_login(editor)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")

    html = response.content.decode()
    assert response.status_code == 200
    assert in_spanish("Log out") in html  # "Cerrar sesión"
    assert '<html lang="es"' in html
    assert response.headers["Content-Language"] == "es"
    assert "Accept-Language" in response.headers["Vary"]


def test_an_english_browser_reads_the_admin_in_english(client, editor):
    client.force_login(editor)

    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert "Log out" in html
    assert in_spanish("Log out") not in html


def test_staff_sign_in_follows_the_browser_too(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert in_spanish("Log in") in html


def without_csrf_token(content):
    # The pre-screen's form carries a token of its own on every request: the one part that may differ.
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


def test_a_public_page_stays_english_and_unchanged_for_a_spanish_browser(client, editor, site_profile):
    condition = ConditionFactory()
    pages = ["/", "/conditions/", condition.get_absolute_url(), "/safety/check/", "/search/?q=ketamine"]
    english = {page: without_csrf_token(client.get(page).content) for page in pages}
    staff = Client()
    staff.force_login(editor)
    staff.get("/admin/", HTTP_ACCEPT_LANGUAGE="es")  # a Spanish admin page first, on the same thread

    for page in pages:
        response = client.get(page, HTTP_ACCEPT_LANGUAGE="es")

        assert without_csrf_token(response.content) == english[page], page
        assert response.headers["Content-Language"] == "en"  # the address's language, not the browser's
        assert "Accept-Language" not in response.headers.get("Vary", "")
    assert translation.get_language() == settings.LANGUAGE_CODE == "en"


def test_a_spanish_admin_still_shows_dates_as_year_month_day(client, editor):
    """The date fields' help says "year-month-day, e.g. 2026-12-07": Spanish's own 09/03/2026 would
    contradict it."""
    article = ArticleFactory(last_reviewed=datetime.date(2026, 3, 9))
    client.force_login(editor)

    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert 'name="last_reviewed" value="2026-03-09"' in html
    assert "09/03/2026" not in html


def test_an_editor_reading_the_admin_in_spanish_emails_the_author_in_english(
    client, editor, author_user, mailoutbox
):
    article = ArticleFactory(
        in_review=True, author=author_user.author_profile, title="Sleep after an infusion"
    )
    with translation.override("es"):  # the project's own Spanish for the email, so that this test can fail
        assert translation.gettext("Changes requested: %(title)s") != "Changes requested: %(title)s"
    client.force_login(editor)
    spanish = {"HTTP_ACCEPT_LANGUAGE": "es"}
    data = form_data(
        client.get(change_url(article), **spanish), _workflow="send_back", workflow_comment="Cite it."
    )

    response = client.post(change_url(article), data, follow=True, **spanish)

    assert in_spanish("Log out") in response.content.decode()  # the editor's admin is Spanish
    [email] = mailoutbox
    assert email.to == [author_user.email]
    assert email.subject == "Changes requested: Sleep after an infusion"
    assert "sent “Sleep after an infusion” back to you: changes requested." in email.body
