"""Crisis help comes from one place, the site profile, which clinic staff keep: change it, and every
public page shows the new line and none shows the old one."""

import io
import json
import re
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from conditions.forms import PrescreenForm
from conditions.models import Contraindication, ContraindicationKind, Interaction
from domain.models import KeyFact, SiteProfile
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CandidateProfileFactory,
    CategoryFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    InteractionFactory,
    ReferenceFactory,
    SourceFactory,
    TagFactory,
    UserFactory,
)
from tests.helpers import inline_management, sitemap_entries

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

    page = client.get(change_url)
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields} | inline_management(page)
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
    page = client.get(change_url)
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields} | inline_management(page)
    data["disclaimer"] = "Call 988 if you are in crisis."

    response = client.post(change_url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Leave phone numbers out of the disclaimer" in html and "Call 988 if you are in crisis." in html
    assert SiteProfile.objects.get().disclaimer != data["disclaimer"]


def _profile_form_data(client):
    change_url = reverse("admin:clinic_siteprofile_change", args=[SiteProfile.objects.get_current().pk])
    page = client.get(change_url)
    form = page.context["adminform"].form
    return change_url, {
        name: form.initial.get(name) or "" for name in form.fields if name != "reader_preview"
    } | inline_management(page)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("emergency_number", "nine one one", "is not a number a phone can dial"),
        ("phone", "ring us", "is not a number a phone can dial"),
        ("crisis_line", "98", "has 2 digit(s): a number to call needs at least 3"),
        ("phone", "+1 555 010 0142 0142 0142 99", "more than any phone number"),
    ],
)
def test_a_number_no_phone_can_dial_is_refused_and_what_was_typed_is_kept(client, field, typed, message):
    _clinic_staff(client)
    change_url, data = _profile_form_data(client)
    data[field] = typed

    response = client.post(change_url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and f'value="{typed}"' in html
    assert getattr(SiteProfile.objects.get(), field) != typed
    assert 'href="tel:"' not in client.get("/").content.decode()  # no page got a link that dials nothing


def test_a_number_written_the_clinics_way_is_shown_so_and_dialled_from_its_digits(client):
    _clinic_staff(client)
    change_url, data = _profile_form_data(client)
    data.update(phone="(555) 010-0142", emergency_number="112")
    assert client.post(change_url, data).status_code == 302
    html = Client().get("/").content.decode()
    assert '<a href="tel:5550100142">(555) 010-0142</a>' in html
    assert '<a href="tel:112"><strong>112</strong></a>' in html


def test_changing_only_the_crisis_number_asks_about_the_lines_name_and_chat_link(client):
    _clinic_staff(client)
    change_url, data = _profile_form_data(client)
    data["crisis_line"] = "1-800-555-0199"

    refused = client.post(change_url, data)

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "You changed the crisis number from 988 to 1-800-555-0199" in html
    assert "988 Suicide &amp; Crisis Lifeline" in html and 'value="1-800-555-0199"' in html  # kept as typed
    assert SiteProfile.objects.get().crisis_line == "988"

    data["crisis_details_checked"] = "on"  # the name and chat link do belong to the new number
    assert client.post(change_url, data).status_code == 302
    assert SiteProfile.objects.get().crisis_line == "1-800-555-0199"


def test_changing_the_number_with_the_lines_name_needs_no_confirmation(client):
    _clinic_staff(client)
    change_url, data = _profile_form_data(client)
    data.update(crisis_line="116 123", crisis_line_name="Samaritans helpline", crisis_chat_url="")
    assert client.post(change_url, data).status_code == 302
    assert SiteProfile.objects.get().crisis_line_name == "Samaritans helpline"


def test_the_content_check_names_a_number_saved_before_numbers_were_checked():
    SiteProfile.objects.filter(pk=SiteProfile.objects.get_current().pk).update(
        emergency_number="nine one one"
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 site profile number"):
        call_command("check_content", stdout=out)
    assert "Site profile, emergency number: “nine one one” is not a number a phone can dial" in out.getvalue()


def test_the_profile_page_previews_the_crisis_box_and_footer_as_readers_see_them(client):
    _clinic_staff(client)
    change_url, _ = _profile_form_data(client)
    html = client.get(change_url).content.decode()
    preview = html[html.index("As readers see it now") :]
    assert "If you are thinking about suicide, help is available now" in preview
    assert '<a href="tel:988"><strong>988</strong></a>' in preview and "In crisis?" in preview


def test_the_preview_is_in_the_readers_language_when_the_admin_is_in_spanish(client):
    _clinic_staff(client)
    change_url, _ = _profile_form_data(client)
    html = client.get(change_url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    with translation.override("es"):  # the admin is in Spanish, so that this test can fail
        label = translation.gettext("As readers see it now")
    assert label != "As readers see it now" and label in html
    preview = html[html.index(label) :]
    assert "If you are thinking about suicide, help is available now" in preview and "In crisis?" in preview


def test_the_condition_forms_help_names_the_crisis_line_the_profile_holds(client):
    profile = SiteProfile.objects.get_current()
    profile.crisis_line, profile.crisis_line_name = "116 123", "Samaritans helpline"
    profile.save()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("admin:conditions_condition_add")).content.decode()
    assert "Show the crisis box (call or text 116 123, the Samaritans helpline)" in html
    assert "988" not in html[html.index("id_show_crisis_help") :][:600]


def test_the_demo_content_follows_a_changed_crisis_line_everywhere(client, demo_content):
    # Authors write {crisis line} and {emergency number}; the pages fill them from the profile.
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


# Authored prose that readers see. Left out: identifiers (slugs, addresses, DOIs), choices, people's names,
# and the site profile's contact details, which are data rather than prose.
NOT_PROSE = {"display_name", "credentials", "key", "doi", "pmid", "topic"}  # topic: a fact's check words
SITE_PROFILE_PROSE = ["tagline", "intro", "disclaimer"]
FILLED = f"{NEW['crisis_line']} {NEW['emergency_number']}"
PARTIAL_TOKENS = ("{crisis", "crisis line}", "{emergency", "emergency number}", "%7Bcrisis", "%7Bemergency")


def _prose_fields(model):
    if model is SiteProfile:
        return [model._meta.get_field(name) for name in SITE_PROFILE_PROSE]
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
        and field.editable
        and not field.choices
        and field.name not in NOT_PROSE
    ]


def _with_tokens(items):
    """Write both tokens after a marker into every prose field of items; return {"Model.field": shown}."""
    expected = {}
    for item in items:
        for field in _prose_fields(type(item)):
            marker = f"Qx{len(expected):02d}"
            text, shown = f"{marker} {{crisis line}} {{emergency number}}", f"{marker} {FILLED}"
            if len(text) > (field.max_length or len(text)):  # a short field (a unit) takes one token
                text, shown = f"{marker} {{crisis line}}", f"{marker} {NEW['crisis_line']}"
            rich = field.name in getattr(item, "rich_text_fields", ())
            setattr(item, field.name, f"<p>{text}</p>" if rich else text)
            expected[f"{type(item).__name__}.{field.name}"] = shown
        item.save()
    return expected


def _one_of_each_model():
    author = AuthorFactory()
    category, tag = CategoryFactory(), TagFactory()
    condition = ConditionFactory(show_crisis_help=True)
    link = ConditionRouteFactory(condition=condition, note="A note")
    article = ArticleFactory(
        published=True,
        author=author,
        category=category,
        tags=[tag],
        related_conditions=[condition],
        featured_image=_jpeg(),
    )
    source = SourceFactory()
    ReferenceFactory(article=article, source=source)
    contraindication = ContraindicationFactory()
    interaction = InteractionFactory()
    fact = KeyFact.objects.create(figure="2 hours", text="Observation after each dose.")
    for item in (condition, link.route, contraindication, interaction, fact):
        item.citations.create(source=source, order=1)
    condition.evidence_sources.add(source)
    items = [
        SiteProfile.objects.get_current(),
        *(author, category, tag, article, source, condition.group, condition, link.route, link),
        *(contraindication, interaction, CandidateProfileFactory(), fact),
    ]
    profile = items[0]
    for field, value in NEW.items():
        setattr(profile, field, value)
    return _with_tokens(items), article, condition


def _jpeg():
    out = io.BytesIO()
    Image.new("RGB", (1200, 675), "teal").save(out, format="JPEG")
    return ContentFile(out.getvalue(), name="room.jpg")


def _every_reader_view(client, article, condition):
    """Return {name: text} for every public page, feed, sitemap and pre-screen answer a reader can meet."""
    pages = _public_pages(client)
    paths = [
        "/articles/feed/atom/",
        "/sitemap.xml",
        reverse("articles:condition", kwargs={"slug": condition.slug}),
        *(f"/search/?q={quote(word)}" for word in ("Qx", "crisis line", "emergency number", article.slug)),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    questions = [*Contraindication.objects.listed(), *Interaction.objects.listed()]
    for answer in ("yes", "unsure"):
        names = {PrescreenForm.field_name(item): answer for item in questions}
        response = client.post(reverse("conditions:check"), names)
        assert response.status_code == 200 and "Your pre-screen result" in response.content.decode()
        pages[f"pre-screen answered {answer}"] = response.content.decode()
    return pages


def test_tokens_in_every_authored_field_show_the_current_number_on_every_page_feed_and_json_ld(client):
    expected, article, condition = _one_of_each_model()

    pages = _every_reader_view(client, article, condition)

    for path, text in pages.items():
        shown = [token for token in PARTIAL_TOKENS if token in text]
        assert not shown, f"{path} shows {shown}"
    json_ld = "\n".join(
        block
        for text in pages.values()
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    )
    graphs = json.dumps([json.loads(block) for block in json_ld.splitlines()], ensure_ascii=False)
    for field in ("SiteProfile.tagline", "Article.title", "Author.bio", "Condition.summary", "Source.text"):
        assert expected[field] in graphs, field  # structured data names the number, as the page does
    everything = "\n".join(pages.values())
    missing = [field for field, shown in expected.items() if shown not in everything]
    assert missing == [], f"not shown anywhere with the number filled in: {missing}"
    feeds = pages["/articles/feed/"] + pages["/articles/feed/atom/"]
    for field in ("SiteProfile.tagline", "Article.title", "Article.excerpt", "Category.name", "Tag.name"):
        assert expected[field] in feeds, field


def test_a_search_shows_what_the_reader_typed_not_the_number(client):
    ArticleFactory(published=True, title="When to call the crisis line", body="<p>Call {crisis line}.</p>")
    typed = "{crisis line} call"

    html = client.get("/search/", {"q": typed}).content.decode()

    assert f'value="{typed}"' in html  # both search boxes keep it
    assert html.count(f'value="{typed}"') == 2
    assert f"for “{typed}”" in html and f"<title>Search: {typed} · " in html
    assert "988 call" not in html
    assert "<p><mark>Call</mark> 988.</p>" in html  # what was found is authored: its number is filled


def test_the_pre_screen_fills_each_answers_advice_from_the_profile(client):
    yes = ContraindicationFactory(advice="Tell a clinician. In a crisis call {crisis line}.")
    unsure = InteractionFactory(unsure_advice="Not sure? In an emergency call {emergency number}.")
    profile = SiteProfile.objects.get_current()
    profile.crisis_line, profile.emergency_number = NEW["crisis_line"], NEW["emergency_number"]
    profile.save()

    answers = {PrescreenForm.field_name(yes): "yes", PrescreenForm.field_name(unsure): "unsure"}
    html = client.post(reverse("conditions:check"), answers).content.decode()

    assert "In a crisis call 116 123." in html and "In an emergency call 999." in html
    assert "{crisis line}" not in html and "{emergency number}" not in html
