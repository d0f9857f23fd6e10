"""A patient reads a condition page on a 390×844 phone with the demo content: the first screen gives the
summary and says where the safety list is; safety items open one at a time; a citation marker leads to its
reference and back; a printed page shows everything the disclosures hold."""

import pytest
from django.core.management import call_command

PHONE = {"width": 390, "height": 844}
PAGE = "/conditions/treatment-resistant-depression/"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(new_page):
    call_command("load_demo_content", "--no-accounts", verbosity=0)
    return new_page(viewport=PHONE, java_script_enabled=False)


def _on_screen(page, selector):
    """Whether the element's top is on the screen as scrolled now."""
    box = page.locator(selector).first.bounding_box()
    return box is not None and 0 <= box["y"] < PHONE["height"]


def _on_first_screen(page, selector):
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_the_first_screen_gives_the_summary_and_points_to_the_safety_list(phone):
    phone.goto(PAGE)

    assert _on_first_screen(phone, "h1") and _on_first_screen(phone, ".lede")
    assert _on_first_screen(phone, ".safety-pointer")
    assert not phone.locator(".evidence-basis li").first.is_visible()  # the studies' titles wait for a tap

    phone.click(".safety-pointer a")

    assert phone.url.endswith("#safety-heading") and _on_screen(phone, "#safety-heading")


def test_a_safety_items_explanation_opens_from_its_name_and_prints_without_a_tap(phone):
    phone.goto(PAGE)
    item = phone.locator(".contraindication-list > li").first
    name = item.locator("> details > summary")
    explanation = item.locator("> details > p")
    assert name.locator("strong").is_visible() and name.locator(".badge").is_visible()
    assert not explanation.is_visible()

    name.click()

    assert explanation.is_visible()
    name.click()
    phone.emulate_media(media="print")
    assert explanation.is_visible()  # closed again, yet on paper
    assert phone.locator(".evidence-basis li").first.is_visible()


def test_a_citation_marker_leads_to_its_reference_and_back(phone):
    phone.goto(PAGE)
    marker = phone.locator(".prose a.cite").first
    number = marker.inner_text()

    marker.click()

    reference = phone.locator(f"#ref-condition-{number}")
    assert phone.url.endswith(f"#ref-condition-{number}") and _on_screen(phone, f"#ref-condition-{number}")
    assert reference.evaluate("el => el.matches(':target')")
    phone.go_back()
    assert phone.url.endswith(PAGE) and _on_screen(phone, ".prose a.cite >> nth=0")
