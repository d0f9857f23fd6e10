"""Crisis help comes from one place, the site profile, which clinic staff keep: change it, and every
public page shows the new line and none shows the old one."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from clinic.core.models import SiteProfile
from conditions.models import Contraindication, ContraindicationKind
from tests.factories import (
    ArticleFactory,
    CandidateProfileFactory,
    CategoryFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    TagFactory,
    UserFactory,
)
from tests.test_discoverability import sitemap_entries

pytestmark = pytest.mark.django_db

OLD = {"number": "988", "emergency": "911", "chat": "988lifeline.org", "name": "Suicide & Crisis Lifeline"}
NEW = {
    "crisis_line_name": "Samaritans helpline",
    "crisis_line": "116 123",
    "crisis_chat_url": "https://chat.example.org/talk/",
    "emergency_number": "999",
}
# A CSRF token is random letters and digits: it could hold "988" by chance, so it is left out of the scan.
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _content():
    """Make one of every kind of public page, the crisis box included."""
    crisis = ConditionFactory(name="Suicidal ideation", show_crisis_help=True)
    link = ConditionRouteFactory(condition=crisis)
    ArticleFactory(
        published=True,
        category=CategoryFactory(),
        tags=[TagFactory()],
        related_conditions=[crisis],
    )
    ContraindicationFactory(kind=ContraindicationKind.ABSOLUTE)
    CandidateProfileFactory()
    return link


def _public_pages(client):
    """Return {path: html} for every page in the sitemap and every page outside it a reader can meet."""
    paths = {urlsplit(loc).path for loc in sitemap_entries(client)}
    paths |= {"/articles/feed/", "/search/?q=ketamine", reverse("conditions:check")}
    pages = {}
    for path in sorted(paths):
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    questions = {f"q{c.pk}": "yes" for c in Contraindication.objects.all()}
    pages["pre-screen result"] = client.post(reverse("conditions:check"), questions).content.decode()
    pages["404"] = client.get("/no-such-page/").content.decode()
    csrf_client = Client(enforce_csrf_checks=True)
    pages["403 CSRF"] = csrf_client.post(reverse("conditions:check"), {}).content.decode()
    pages["413"] = client.post(reverse("conditions:check"), {"note": "x" * (17 * 1024)}).content.decode()
    return pages


def _is_machine_page(path):
    return path.endswith(".xml") or "/feed/" in path


def _mentions(html, text):
    pattern = rf"(?<![\w.-]){re.escape(text)}(?![\w-])"
    return re.search(pattern, TOKEN.sub("", html).replace("&amp;", "&"))


def test_a_changed_crisis_line_shows_on_every_public_page_and_the_old_one_on_none(client):
    _content()
    SiteProfile.objects.get_current()  # cached, as on a running site: saving must still show at once
    before = _public_pages(client)
    html_pages = [path for path in before if not _is_machine_page(path)]
    assert all(_mentions(before[path], OLD["number"]) for path in html_pages)  # the scan sees the old line

    profile = SiteProfile.objects.get_current()
    for field, value in NEW.items():
        setattr(profile, field, value)
    profile.save()

    pages = _public_pages(client)
    assert len(pages) >= 15, sorted(pages)
    for path, html in pages.items():
        for old in OLD.values():
            assert not _mentions(html, old), f"{path} still names {old!r}"
        if _is_machine_page(path):
            continue
        footer = html[html.index("<footer") :]
        assert 'href="tel:116123"><strong>116 123</strong></a>' in footer, path
        assert 'href="tel:999"><strong>999</strong></a>' in footer, path
        assert '<a href="https://chat.example.org/talk/">chat.example.org</a>' in footer, path
        assert "Samaritans helpline" in footer, path
    crisis_pages = [path for path, html in pages.items() if 'class="crisis-box"' in html]
    assert len(crisis_pages) >= 5, crisis_pages  # condition, article, pre-screen result, CSRF, 413
    for path in crisis_pages:
        box = pages[path][pages[path].index('class="crisis-box"') :].split("</aside>")[0]
        assert "116 123" in box and "Samaritans helpline" in box and "999" in box, path
        assert 'href="https://chat.example.org/talk/"' in box, path


def test_the_crisis_chat_is_a_link_and_is_left_out_when_there_is_none(client):
    crisis = ConditionFactory(show_crisis_help=True)
    html = client.get(crisis.get_absolute_url()).content.decode()
    assert '<a href="https://988lifeline.org/chat/">988lifeline.org</a>' in html

    profile = SiteProfile.objects.get_current()
    profile.crisis_chat_url = ""
    profile.save()
    html = client.get(crisis.get_absolute_url()).content.decode()
    assert "chat at" not in html and "988lifeline" not in html
    assert 'href="tel:988"' in html


def test_the_disclaimer_may_not_name_a_number_that_could_go_stale():
    profile = SiteProfile.objects.get_current()
    profile.disclaimer = "General information only. In a crisis, call 988."
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "Leave phone numbers out of the disclaimer" in str(error.value)
    profile.disclaimer = "General information only, not medical advice."
    profile.full_clean()


def _clinic_staff(client):
    user = UserFactory(username="front-desk")
    user.groups.add(Group.objects.get(name="Clinic staff"))
    client.force_login(user)
    return user


def test_clinic_staff_find_the_site_profile_on_the_admin_home_and_keep_the_crisis_line(client):
    _clinic_staff(client)
    profile = SiteProfile.objects.get_current()
    change_url = reverse("admin:clinic_siteprofile_change", args=[profile.pk])
    assert (
        reverse("admin:clinic_siteprofile_changelist") in client.get(reverse("admin:index")).content.decode()
    )

    form = client.get(change_url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(NEW)
    response = client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert client.get("/no-such-page/").content.decode().count("116 123") >= 1
    latest = SiteProfile.history.latest()
    assert latest.crisis_line == "116 123" and latest.history_user.username == "front-desk"
    history = client.get(reverse("admin:clinic_siteprofile_history", args=[profile.pk]))
    assert history.status_code == 200 and "front-desk" in history.content.decode()


def test_a_disclaimer_with_a_number_is_refused_in_the_admin_and_keeps_what_was_typed(client):
    _clinic_staff(client)
    profile = SiteProfile.objects.get_current()
    change_url = reverse("admin:clinic_siteprofile_change", args=[profile.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["disclaimer"] = "Call 988 if you are in crisis."

    response = client.post(change_url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Leave phone numbers out of the disclaimer" in html and "Call 988 if you are in crisis." in html
    assert SiteProfile.objects.get().disclaimer != data["disclaimer"]


def test_the_demo_content_follows_a_changed_crisis_line_everywhere(client, settings, tmp_path):
    # Authors write {crisis line} and {emergency number}; the pages fill them from the profile.
    settings.BASE_DIR = tmp_path
    call_command("load_demo_content", "--no-accounts", stdout=io.StringIO())
    before = _public_pages(client)
    tokens = [
        path for path, html in before.items() if "{crisis line}" in html or "{emergency number}" in html
    ]
    assert tokens == []  # no page shows a token to a reader
    suicide_page = before["/conditions/suicidal-ideation/"]
    assert "call or text 988" in suicide_page and "or call 911" in suicide_page

    profile = SiteProfile.objects.get_current()
    for field, value in NEW.items():
        setattr(profile, field, value)
    profile.save()

    pages = _public_pages(client)
    for path, html in pages.items():
        for old in (OLD["number"], OLD["emergency"]):
            assert not _mentions(html, old), f"{path} still names {old!r}"
    suicide_page = pages["/conditions/suicidal-ideation/"]
    assert "call or text 116 123" in suicide_page and "or call 999" in suicide_page


def test_the_content_check_lists_crisis_numbers_written_out(capsys):
    ConditionFactory(name="Postpartum depression", description="<p>In a crisis, call or text 988.</p>")

    with pytest.raises(CommandError, match="1 crisis number"):
        call_command("check_content")

    out = capsys.readouterr().out
    assert "Postpartum depression" in out and "writes 988 itself" in out and "{crisis line}" in out
