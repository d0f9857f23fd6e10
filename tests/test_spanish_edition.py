"""The Spanish edition (issue 24): addresses, translations with their own review, staleness and withdrawal."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import ArticleTranslation
from conditions.models import ConditionTranslation, ContraindicationTranslation
from domain.translations import withdraw_translations
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    PersonFactory,
    UserFactory,
    member_of,
    open_library_proposal,
)
from tests.helpers import form_data

pytestmark = pytest.mark.django_db

REVIEWED = date(2026, 12, 1)


def reviewer():
    return PersonFactory(may_review=True)


def spanish_condition(condition, **fields):
    values = {
        "name": "Depresión resistente al tratamiento",
        "summary": "Una depresión que no mejora lo suficiente con dos antidepresivos.",
        "description": "<p>Texto en español.</p>",
        "reviewer": reviewer(),
        "last_reviewed": REVIEWED,
        **fields,
    }
    return ConditionTranslation.objects.create(original=condition, language="es", **values)


def es(url):
    with translation.override("es"):
        return url()


def test_english_pages_keep_their_addresses_and_spanish_ones_live_under_es(client):
    condition = ConditionFactory(slug="trd")
    spanish_condition(condition)
    assert condition.get_absolute_url() == "/conditions/trd/"
    assert es(condition.get_absolute_url) == "/es/conditions/trd/"

    english = client.get("/conditions/trd/")
    spanish = client.get("/es/conditions/trd/")

    assert english.status_code == spanish.status_code == 200
    assert b'<html lang="en">' in english.content
    assert b'<html lang="es">' in spanish.content
    assert "Depresión resistente al tratamiento" in spanish.text
    assert "Depresión resistente al tratamiento" not in english.text
    assert spanish["Content-Language"] == "es"


def test_an_untranslated_page_sends_a_spanish_reader_to_the_english_page(client):
    ConditionFactory(slug="ocd")

    response = client.get("/es/conditions/ocd/")

    assert response.status_code == 302
    assert response["Location"] == "/conditions/ocd/"


def test_an_unreviewed_translation_is_never_shown(client):
    condition = ConditionFactory(slug="ptsd")
    spanish_condition(condition, reviewer=None, last_reviewed=None)

    assert client.get("/es/conditions/ptsd/").status_code == 302
    assert condition.name.encode() not in client.get("/es/conditions/").content


def test_a_translation_edited_after_its_review_leaves_the_site_until_reviewed_again(client):
    condition = ConditionFactory(slug="ptsd")
    spanish = spanish_condition(condition)
    assert client.get("/es/conditions/ptsd/").status_code == 200

    spanish.summary = "Un resumen nuevo, aún sin revisar."
    spanish.save()

    assert client.get("/es/conditions/ptsd/").status_code == 302


def test_the_spanish_list_shows_only_what_is_translated_in_spanish(client):
    spanish_condition(ConditionFactory(name="Treatment-resistant depression"))
    ConditionFactory(name="Obsessive-compulsive disorder")

    page = client.get("/es/conditions/").text

    assert "Depresión resistente al tratamiento" in page
    assert "Obsessive-compulsive disorder" not in page


def test_a_change_to_the_english_clinical_text_marks_the_translation_stale_and_the_page_says_so(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)
    assert "cambió" not in client.get("/es/conditions/trd/").text

    condition.summary = "A corrected summary."
    condition.save()

    spanish.refresh_from_db()
    assert spanish.original_changed
    page = client.get("/es/conditions/trd/")
    assert page.status_code == 200  # still public, with the notice
    notice = page.text.split('class="translation-notice"')[1].split("</aside>")[0]
    assert "La página en inglés cambió después de esta traducción" in notice
    assert 'href="/conditions/trd/"' in notice


def test_a_new_review_of_the_translation_clears_the_stale_mark(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)
    condition.summary = "A corrected summary."
    condition.save()

    spanish.refresh_from_db()
    spanish.sign_off(spanish.reviewer, date(2026, 12, 5))

    spanish.refresh_from_db()
    assert not spanish.original_changed
    assert "cambió" not in client.get("/es/conditions/trd/").text


def test_a_safety_correction_takes_the_translation_off_the_site_until_reviewed(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)

    withdraw_translations(condition, "Safety correction from the clinical library, version 2")

    assert client.get("/es/conditions/trd/").status_code == 302
    assert "Depresión resistente" not in client.get("/es/conditions/").text
    spanish.refresh_from_db()
    spanish.sign_off(spanish.reviewer, date(2026, 12, 5))
    assert client.get("/es/conditions/trd/").status_code == 200


def test_untranslated_safety_items_still_show_on_a_spanish_page_in_english_marked_as_english(client):
    route = AdministrationRouteFactory()
    condition = ConditionFactory(slug="trd")
    ConditionRouteFactory(condition=condition, route=route)
    spanish_condition(condition)
    translated = ContraindicationFactory(name="Uncontrolled high blood pressure", routes=[route])
    ContraindicationTranslation.objects.create(
        original=translated, name="Presión arterial alta no controlada", explanation="Explicación.",
        screening_question="¿Tiene la presión alta?", advice="Consejo.", reviewer=reviewer(),
        last_reviewed=REVIEWED,
    )  # fmt: skip
    ContraindicationFactory(name="Pregnancy", routes=[route])

    page = client.get("/es/conditions/trd/").text

    assert "Presión arterial alta no controlada" in page
    # Read aloud in English, not Spanish: the item's own words, not the page's around them.
    assert '<strong lang="en">Pregnancy</strong>' in page
    assert "<strong>Presión arterial alta no controlada</strong>" in page
    assert not re.search(r'lang="en">\s*<details', page)


def test_spanish_article_pages_list_only_translated_articles(client):
    translated = ArticleFactory(title="Preparing for your first infusion", slug="first", published=True)
    ArticleTranslation.objects.create(
        original=translated, title="Cómo prepararse para su primera infusión",
        body="<h2>Antes</h2><p>Texto.</p>", reviewer=reviewer(), last_reviewed=REVIEWED,
    )  # fmt: skip
    ArticleFactory(title="Is ketamine a psychedelic?", slug="psychedelic", published=True)

    listing = client.get("/es/articles/").text
    assert "Cómo prepararse para su primera infusión" in listing
    assert "psychedelic" not in listing
    page = client.get("/es/articles/first/")
    assert "Cómo prepararse para su primera infusión" in page.text
    assert client.get("/es/articles/psychedelic/")["Location"] == "/articles/psychedelic/"


def test_a_dressed_object_refuses_to_be_saved():
    condition = ConditionFactory(slug="trd")
    spanish_condition(condition)
    with translation.override("es"):
        from infrastructure.url_language import page_language

        token = page_language.set("es")
        try:
            from conditions.models import Condition

            dressed = Condition.objects.get(pk=condition.pk)
        finally:
            page_language.reset(token)
    assert dressed.name == "Depresión resistente al tratamiento"
    with pytest.raises(RuntimeError):
        dressed.save()


def test_reverse_in_spanish():
    assert es(lambda: reverse("conditions:list")) == "/es/conditions/"
    assert reverse("conditions:list") == "/conditions/"


def accept(proposal):
    from library.decisions import ACCEPT, decide, seen_token

    user = UserFactory(is_superuser=True, is_staff=True)
    decide(proposal, ACCEPT, user, seen_token(proposal))


def test_accepting_a_safety_correction_from_the_library_takes_the_spanish_page_off_the_site(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)
    proposal = open_library_proposal(condition, summary="Corrected: not for anyone with a past psychosis.")
    proposal.safety = True
    proposal.save()

    accept(proposal)

    spanish.refresh_from_db()
    assert spanish.withdrawn and "Safety correction" in spanish.withdrawn_because
    assert client.get("/es/conditions/trd/")["Location"] == "/conditions/trd/"
    assert "Corrected: not for anyone" in client.get("/conditions/trd/").text


def test_accepting_an_ordinary_library_change_keeps_the_translation_public_but_marked_behind(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)

    accept(open_library_proposal(condition, summary="A clearer summary."))

    spanish.refresh_from_db()
    assert not spanish.withdrawn and spanish.original_changed
    assert "La página en inglés cambió" in client.get("/es/conditions/trd/").text


SITEMAP_LINK = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"')
HEAD_LINK = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def sitemap_entries(client):
    """{page address: {hreflang: address}} from /sitemap.xml."""
    xml = client.get("/sitemap.xml").content.decode()
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, re.S):
        location = re.search(r"<loc>(.*?)</loc>", block)[1]
        entries[location] = dict(SITEMAP_LINK.findall(block))
    return entries


def test_every_page_of_the_sitemap_names_its_other_language_versions_and_they_name_it_back(client):
    route = AdministrationRouteFactory(slug="iv")
    translated = ConditionFactory(slug="trd")
    ConditionRouteFactory(condition=translated, route=route)
    spanish_condition(translated)
    ConditionFactory(slug="ocd")  # English only
    article = ArticleFactory(slug="first", published=True)
    ArticleTranslation.objects.create(
        original=article, title="Primera", body="<p>Texto.</p>", reviewer=reviewer(), last_reviewed=REVIEWED
    )
    ArticleFactory(slug="english-only", published=True)

    entries = sitemap_entries(client)

    assert "http://testserver/es/conditions/trd/" in entries
    assert "http://testserver/es/conditions/ocd/" not in entries  # no Spanish page to list
    assert "http://testserver/es/articles/english-only/" not in entries
    for address, sitemap_alternates in entries.items():
        page = client.get(address)
        assert page.status_code == 200, address
        head = dict(HEAD_LINK.findall(page.content.decode()))
        assert head == sitemap_alternates, address  # the head and the sitemap say the same
        if not head:
            continue
        assert head["x-default"] == head["en"]
        assert address in head.values(), address
        for language, other in head.items():
            back = dict(HEAD_LINK.findall(client.get(other).content.decode()))
            assert back == head, f"{other} ({language}) does not name {address} back"


def test_an_english_page_without_a_translation_names_no_spanish_version_and_its_switch_goes_to_the_list(
    client,
):
    ConditionFactory(slug="ocd")

    page = client.get("/conditions/ocd/").text

    head = page.split("</head>")[0]
    assert 'hreflang="es" href' not in head
    assert '<link rel="alternate" hreflang="en" href="http://testserver/conditions/ocd/">' in head
    switch = page.split('class="language-switch"')[1].split("</p>")[0]
    assert 'href="/es/conditions/"' in switch


def switch_of(page):
    return page.split('class="language-switch"')[1].split("</p>")[0]


def test_the_language_switch_lands_on_the_same_page_in_the_other_language(client):
    spanish_condition(ConditionFactory(slug="trd"))

    english_switch = client.get("/conditions/trd/").text.split('class="language-switch"')[1].split("</p>")[0]
    spanish_switch = (
        client.get("/es/conditions/trd/").text.split('class="language-switch"')[1].split("</p>")[0]
    )

    assert 'href="/es/conditions/trd/"' in english_switch and "Español" in english_switch
    assert 'href="/conditions/trd/"' in spanish_switch and "English" in spanish_switch


def test_open_graph_locale_and_structured_data_language_follow_the_page(client):
    spanish_condition(ConditionFactory(slug="trd"))

    english = client.get("/conditions/trd/").text
    spanish = client.get("/es/conditions/trd/").text

    assert '<meta property="og:locale" content="en_US">' in english
    assert '<meta property="og:locale" content="es_US">' in spanish
    assert '"inLanguage":"es-US"' in spanish and '"inLanguage":"en-US"' not in spanish
    assert '"inLanguage":"en-US"' in english and '"inLanguage":"es-US"' not in english


def test_the_spanish_feeds_list_spanish_articles_only_at_spanish_addresses(client):
    article = ArticleFactory(slug="first", title="First", published=True)
    ArticleTranslation.objects.create(
        original=article, title="Primera", body="<p>Texto.</p>", reviewer=reviewer(), last_reviewed=REVIEWED
    )
    ArticleFactory(slug="english-only", title="English only", published=True)

    for feed in ("/es/articles/feed/", "/es/articles/feed/atom/"):
        xml = client.get(feed).content.decode()
        assert "Primera" in xml and "http://testserver/es/articles/first/" in xml
        assert "English only" not in xml
    english = client.get("/articles/feed/").content.decode()
    assert "English only" in english and "Primera" not in english


def clinic_staff(client):
    from conditions.roles import CLINIC_STAFF

    user = member_of(CLINIC_STAFF)
    client.force_login(user)
    return user


def test_the_condition_form_edits_its_translation_and_says_when_the_english_changed_since(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)
    condition.summary = "A corrected summary."
    condition.save()
    clinic_staff(client)

    page = client.get(reverse("admin:conditions_condition_change", args=[condition.pk]))

    html = page.content.decode()
    assert "Translations, each medically reviewed on its own" in html
    assert "The English page changed since this translation: review it against the current text" in html
    assert spanish.summary in html


def test_the_review_queue_lists_translations_behind_their_original_and_withdrawn_first(client):
    behind = ConditionFactory(name="Treatment-resistant depression")
    spanish_condition(behind)
    behind.summary = "A corrected summary."
    behind.save()
    withdrawn = ConditionFactory(name="PTSD")
    spanish_condition(withdrawn, name="Trastorno de estrés postraumático")
    withdraw_translations(withdrawn, "Safety correction from the clinical library, version 3")
    spanish_condition(
        ConditionFactory(name="OCD"), name="Trastorno obsesivo-compulsivo"
    )  # current: not listed
    clinic_staff(client)

    queue = client.get(reverse("admin:review_queue")).content.decode()

    assert "Translations that need a reviewer" in queue
    assert "Taken off the site: a safety correction changed the original" in queue
    assert "The English page changed since this translation" in queue
    assert "Trastorno obsesivo-compulsivo" not in queue and "OCD (Español)" not in queue
    home = client.get(reverse("admin:index")).content.decode()
    assert "Translations that need a reviewer" in home


def test_saving_a_translation_on_the_form_with_a_new_review_puts_it_back_on_the_site(client):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition)
    withdraw_translations(condition, "Safety correction")
    clinic_staff(client)
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    prefix = "translations"
    data = form_data(client.get(url), **{f"{prefix}-0-last_reviewed": "2026-12-06"})

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    spanish.refresh_from_db()
    assert not spanish.withdrawn and spanish.last_reviewed == date(2026, 12, 6)
    assert client.get("/es/conditions/trd/").status_code == 200


def test_a_cached_spanish_list_shows_a_translation_the_moment_it_is_reviewed_and_drops_it_when_withdrawn(
    client, page_cache
):
    condition = ConditionFactory(slug="trd")
    spanish = spanish_condition(condition, reviewer=None, last_reviewed=None)
    assert "Depresión resistente" not in client.get("/es/conditions/").text
    assert "Depresión resistente" not in client.get("/es/conditions/").text  # kept, as readers get it

    spanish.sign_off(reviewer(), date(2026, 12, 5))

    assert "Depresión resistente" in client.get("/es/conditions/").text
    withdraw_translations(condition, "Safety correction")
    assert "Depresión resistente" not in client.get("/es/conditions/").text
