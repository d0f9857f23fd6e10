"""Two-step staff sign-in in a real browser: enrol an authenticator app, sign in with it, publish."""

import re
import time
from base64 import b32decode
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from playwright.sync_api import expect

from articles.models import Article
from articles.roles import sync_roles
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

PASSWORD = "correct-horse-battery"  # UserFactory's

pytestmark = pytest.mark.django_db(transaction=True)


class App:
    """The authenticator app on the editor's phone, holding the key read from the enrolment page."""

    def __init__(self, key: bytes):
        self.totp = TOTP(key)
        self.last_step = -1

    def code(self) -> str:
        # A code is accepted once per 30-second step (and a wrong one slows the next try by a second):
        # wait, as a person would, for the app to show a new one.
        time.sleep(1.1)
        while self.totp.t() <= self.last_step:
            time.sleep(0.5)
        self.last_step = self.totp.t()
        return f"{self.totp.token():06d}"

    def wrong_code(self) -> str:
        valid = {TOTP(self.totp.key, drift=drift).token() for drift in (-1, 0, 1)}
        return next(f"{n:06d}" for n in (0, 111111, 222222) if n not in valid)


def test_editor_enrols_a_second_factor_signs_in_with_it_and_publishes(new_page, login, settings):
    settings.REQUIRE_2FA = True  # as in production; the live server reads it per request
    sync_roles(apps)  # transactional tests flush the database; the groups come back with this
    editor = UserFactory(username="editor", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    article = ArticleFactory(
        title="Driving home after an infusion",
        in_review=True,
        reviewer=AuthorFactory(display_name="Dana Whitfield", reviewer=True).person,
        last_reviewed=date.today(),
    )

    # First sign-in: the password leads to enrolment, with a QR code drawn by the server and a typed key.
    page = new_page()
    login(page, "editor", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/setup/"))
    qr = page.locator("img.qr-code")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    page.wait_for_function("img => img.complete && img.naturalWidth > 100", arg=qr.element_handle())
    app = App(b32decode(page.locator("#totp-key").inner_text().replace(" ", "")))
    page.fill("#id_code", app.code())
    page.click("input[type=submit]")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.click("#continue")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.click("#logout-form button[type=submit]")
    expect(page.locator("#content h1")).to_have_text("Logged out")

    # Later: password, then a code. Until the code is in, the admin stays shut.
    login(page, "editor", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    page.goto("/admin/articles/article/")
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/\?next=%2Fadmin%2Farticles%2Farticle%2F$"))

    page.fill("#id_code", app.wrong_code())
    page.click("input[type=submit]")
    expect(page.locator(".errornote")).to_contain_text("That code is not right.")
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))

    page.fill("#id_code", app.code())
    page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))

    # Fully signed in, the editor publishes the reviewed article.
    page.click("text=Driving home after an infusion")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert article.is_public
    assert Article.objects.published().filter(pk=article.pk).exists()
