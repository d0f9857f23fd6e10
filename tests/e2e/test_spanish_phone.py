"""A Spanish-speaking patient on a 390×844 phone, with the demo content and no JavaScript (issue 24): reads a
condition in Spanish after switching from the English page, runs the pre-screen in Spanish and switches back.
Every page fits the phone's width, and its language switch is a tap target of 24×24 px or more whose text
can be read on the header's colour. Screenshots go to e2e-screenshots/ (git-ignored) for a person to see."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleTranslation
from conditions.models import Condition, Contraindication

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "e2e-screenshots"
SLUG = "treatment-resistant-depression"
ENGLISH_PAGE = f"/conditions/{SLUG}/"
SPANISH_PAGE = f"/es/conditions/{SLUG}/"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(new_page):
    call_command("load_demo_content", "--no-accounts", verbosity=0)
    SCREENSHOTS.mkdir(exist_ok=True)
    return new_page(viewport=PHONE, java_script_enabled=False)


@pytest.fixture
def untranslated_item(phone):
    """A safety item of the condition with no Spanish translation yet (the demo translates every one)."""
    item = Contraindication.objects.get(slug="uncontrolled-hypertension")
    item.translations.filter(language="es").delete()
    return item


def spanish(item):
    return item.translations.public().get(language="es")


def _html_lang(page):
    return page.locator("html").get_attribute("lang")


def _language_switch(page, sizes):
    """Return the page's one language-switch link, having checked that the page fits the phone's width and
    that the link is a 24×24 px tap target (WCAG 2.2, 2.5.8); its measured size goes into sizes."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"
    link = page.locator("header .language-switch a")
    assert link.count() == 1, page.url  # two languages: one link, to the other
    box = link.bounding_box()
    assert box is not None, f"the language switch is not shown on {page.url}"
    sizes[urlsplit(page.url).path] = (box["width"], box["height"])
    assert box["width"] >= 24 and box["height"] >= 24, f"{page.url}: language switch is {box}"
    contrast = link.evaluate(_CONTRAST)
    assert contrast >= 4.5, f"{page.url}: the language switch's text has a contrast of {contrast:.2f}:1"
    return link


# The contrast ratio (WCAG 2.2, 1.4.3) of an element's text colour on the first background behind it.
_CONTRAST = """el => {
    const rgb = color => color.match(/[\\d.]+/g).map(Number);
    let behind = el;
    while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
    const luminance = ([r, g, b]) => [r, g, b]
        .map(c => c / 255).map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const back = behind ? rgb(getComputedStyle(behind).backgroundColor) : [255, 255, 255];
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(back)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def _follow(page, link):
    with page.expect_navigation():
        link.click()


def _inherited_lang(locator):
    return locator.evaluate("el => el.closest('[lang]').getAttribute('lang')")


def test_a_spanish_reader_switches_to_spanish_reads_a_condition_runs_the_pre_screen_and_switches_back(
    phone, untranslated_item, live_server
):
    sizes = {}
    condition = Condition.objects.get(slug=SLUG)
    psychosis = Contraindication.objects.get(slug="psychosis-history")

    # 1. The English page's switch leads to the same condition in Spanish.
    phone.goto(ENGLISH_PAGE)
    assert _html_lang(phone) == "en"
    switch = _language_switch(phone, sizes)
    assert switch.inner_text() == "Español"
    assert switch.get_attribute("hreflang") == switch.get_attribute("lang") == "es"
    _follow(phone, switch)

    assert phone.url == live_server.url + SPANISH_PAGE
    assert _html_lang(phone) == "es"
    assert phone.locator("h1").inner_text() == spanish(condition).name != condition.name
    phone.screenshot(path=SCREENSHOTS / "es-condition-first-screen.png")
    switch = _language_switch(phone, sizes)
    assert switch.inner_text() == "English" and switch.get_attribute("lang") == "en"

    # The first screen says, in Spanish, where the safety list is; its link goes there.
    pointer = phone.locator(".safety-pointer")
    assert "Quién podría no ser candidato" in pointer.inner_text()
    phone.click(".safety-pointer a")
    assert phone.url.endswith("#safety-heading")
    assert phone.locator("#safety-heading").inner_text() == "Seguridad: quién podría no ser candidato"

    # A translated safety item opens from its name and explains itself in Spanish.
    item = phone.locator(".contraindication-list > li").filter(has_text=spanish(psychosis).name).first
    explanation = item.locator("> details > p")
    assert not explanation.is_visible()
    item.locator("> details > summary").click()
    assert explanation.is_visible()
    assert explanation.inner_text().startswith(spanish(psychosis).explanation[:60])
    assert item.locator(".badge").inner_text() == "Por lo general, no es candidato"
    assert _inherited_lang(explanation) == "es"

    # The item not yet translated shows its English words, marked as English for a screen reader; the page's
    # own words around them (its weight, "Fuente:") stay Spanish.
    english = phone.locator(".contraindication-list > li").filter(has_text=untranslated_item.name).first
    assert english.locator("> details > summary > strong").get_attribute("lang") == "en"
    assert _inherited_lang(english.locator(".badge")) == "es"
    english.locator("> details > summary").click()
    english_explanation = english.locator("> details > p > span").first
    assert english_explanation.is_visible()
    assert english_explanation.inner_text().startswith(untranslated_item.explanation[:60])
    assert _inherited_lang(english_explanation) == "en"
    phone.screenshot(path=SCREENSHOTS / "es-condition-safety-items-open.png")

    # 2. To the pre-screen as a reader would: the header's "Seguridad", then the safety page's button.
    _follow(phone, phone.locator("header .site-nav a", has_text="Seguridad"))
    assert phone.url == live_server.url + "/es/safety/"
    _language_switch(phone, sizes)
    _follow(phone, phone.get_by_role("link", name="Haga el cuestionario preliminar breve"))
    assert phone.url == live_server.url + "/es/safety/check/"
    assert _html_lang(phone) == "es"
    assert phone.locator("h1").inner_text() == "¿Es el tratamiento con ketamina adecuado para mí?"
    _language_switch(phone, sizes)

    groups = phone.get_by_role("group").all()
    assert len(groups) > 5
    question = spanish(psychosis).screening_question
    for group in groups:
        answer = "Sí" if group.locator("legend").inner_text() == question else "No"
        group.get_by_label(answer, exact=True).check()
    assert phone.locator("input[type=radio][value=yes]:checked").count() == 1
    with phone.expect_navigation():
        phone.click("button:has-text('Ver de qué hablar')")
    phone.screenshot(path=SCREENSHOTS / "es-prescreen-result.png")

    assert phone.url == live_server.url + "/es/safety/check/"  # under /es/, and no answers in the address
    assert _html_lang(phone) == "es"
    assert phone.locator("h1").inner_text() == "El resultado de su cuestionario preliminar"
    heading = phone.locator("#findings-heading").inner_text()
    assert heading == "Temas para hablar con un profesional de la salud"
    assert phone.locator(".findings h3").all_inner_texts() == [spanish(psychosis).name]
    finding = phone.locator(".findings > li").first
    assert spanish(psychosis).advice[:60] in finding.inner_text()
    assert "Sí" in finding.locator(".finding-question strong").inner_text()

    # 3. Back to English from the result: the English pre-screen, empty (the answers went nowhere).
    _follow(phone, _language_switch(phone, sizes))
    assert phone.url == live_server.url + "/safety/check/"
    assert _html_lang(phone) == "en"
    assert phone.locator("h1").inner_text() == "Is ketamine treatment right for me?"
    assert phone.locator("input[type=radio]:checked").count() == 0
    _language_switch(phone, sizes)

    # An English article with no Spanish translation: the switch offers the Spanish list of articles.
    untranslated = Article.objects.published().exclude(translations__language="es").first()
    assert untranslated is not None
    phone.goto(untranslated.get_absolute_url())
    switch = _language_switch(phone, sizes)
    assert switch.inner_text() == "Español"
    _follow(phone, switch)
    assert phone.url == live_server.url + "/es/articles/"
    assert _html_lang(phone) == "es"
    published = Article.objects.published(in_page_language=False)
    in_spanish = ArticleTranslation.objects.public().filter(language="es", original__in=published)
    assert set(phone.locator(".article-card h2").all_inner_texts()) == {row.title for row in in_spanish}
    assert untranslated.title not in phone.locator("main").inner_text()
    _language_switch(phone, sizes)

    print("language switch link sizes (width × height, px):")
    for path, (width, height) in sizes.items():
        print(f"  {path}: {width:.1f} × {height:.1f}")
