"""A patient on a 390×844 phone, with the demo content: the home page's first screen, the comparison
table after a sideways swipe, and the pre-screen result's order. Screenshots of each go to
e2e-screenshots/ (git-ignored) for a person to look at."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from conditions.models import Contraindication, ContraindicationKind

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "e2e-screenshots"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(new_page):
    call_command("load_demo_content", "--no-accounts", verbosity=0)
    SCREENSHOTS.mkdir(exist_ok=True)
    return new_page(viewport=PHONE, java_script_enabled=False)


def _within_first_screen(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    below = box["y"] + box["height"] > PHONE["height"]
    assert box["y"] >= 0 and not below, f"{selector} is not on the first screen: {box}"


def _small_text(page):
    """Return text elements in the page whose font is under 16 px (badges are labels, not body text)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('main :is(p, li, td, th, dd), footer :is(p, address)')]
            .filter(el => !el.closest('.badge') && parseFloat(getComputedStyle(el).fontSize) < 16)
            .map(el => el.outerHTML.slice(0, 80))"""
    )


def _small_targets(page):
    """Return links, buttons and controls under 24×24 px, not inline in a sentence (WCAG 2.2, 2.5.8)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('a, button, input, summary, label:has(input)')]
            .filter(el => {
                const r = el.getBoundingClientRect(), style = getComputedStyle(el);
                const hidden = style.visibility === 'hidden' || el.closest('.skip-link, .visually-hidden');
                if (!r.width || hidden) return false;
                if (el.matches('label input')) return false;  // the label around it is the target
                const parent = el.parentElement, inline = style.display === 'inline'
                    && parent.textContent.trim() !== el.textContent.trim();
                return !inline && (r.height < 24 || r.width < 24);
            })
            .map(el => el.outerHTML.slice(0, 80))"""
    )


def test_home_first_screen_says_what_the_clinic_offers_with_booking_and_crisis_actions(phone):
    phone.goto("/")
    phone.screenshot(path=SCREENSHOTS / "home-first-screen.png")

    _within_first_screen(phone, "h1")
    # What the clinic offers, not its name again (the header carries it).
    assert "ketamine" in phone.locator("h1").inner_text().lower()
    _within_first_screen(phone, ".hero .offer a")
    _within_first_screen(phone, ".hero a.button:has-text('Book a consultation')")
    _within_first_screen(phone, ".hero a[href^='tel:5550100142']")
    _within_first_screen(phone, ".crisis-strip a[href='tel:988']")
    _within_first_screen(phone, ".crisis-strip a[href='tel:911']")

    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scroll
    assert phone.evaluate("document.documentElement.scrollHeight") < 8 * PHONE["height"]  # was about eleven
    assert _small_text(phone) == []
    assert _small_targets(phone) == []


def test_comparison_table_keeps_its_labels_beside_the_values_after_a_sideways_scroll(phone):
    phone.goto("/treatments/")
    scroller = phone.locator(".comparison")
    scroller.scroll_into_view_if_needed()
    scrolled = phone.evaluate(
        "() => { const s = document.querySelector('.comparison'); s.scrollLeft = s.scrollWidth; "
        "return s.scrollLeft; }"
    )
    assert scrolled > 300  # four routes don't fit on a phone: there is something to swipe to
    phone.screenshot(path=SCREENSHOTS / "treatments-table-scrolled.png")

    frame = scroller.bounding_box()
    labels = phone.locator(".comparison-table tbody th[scope=row]")
    assert labels.count() >= 8
    for index in range(labels.count()):
        label = labels.nth(index).bounding_box()
        assert abs(label["x"] - frame["x"]) <= 1, labels.nth(index).inner_text()  # still at the left edge
        assert label["width"] <= 0.35 * PHONE["width"]  # and leaves room for the values
    last_route = phone.locator(".comparison-table thead th").last.bounding_box()
    assert last_route["x"] + last_route["width"] <= frame["x"] + frame["width"] + 1  # last route in view
    assert phone.locator(".comparison-table caption").inner_text().strip()
    assert phone.locator(".comparison-table thead th[scope=col]").count() >= 4
    assert _small_text(phone) == []


def test_prescreen_result_puts_the_readers_findings_first_most_important_first(phone):
    questions = list(Contraindication.objects.listed())
    relative = next(c for c in questions if c.kind == ContraindicationKind.RELATIVE)
    absolute = [c for c in questions if c.kind == ContraindicationKind.ABSOLUTE][-1]  # asked late
    unsure = questions[0]
    assert len({unsure.pk, relative.pk, absolute.pk}) == 3

    phone.goto("/safety/check/")
    for question, answer in ((unsure, "Not sure"), (relative, "Yes"), (absolute, "Yes")):
        phone.get_by_role("group", name=question.screening_question).get_by_label(answer, exact=True).check()
    with phone.expect_navigation():
        phone.click("button:has-text('See what to discuss')")
    phone.screenshot(path=SCREENSHOTS / "prescreen-result.png")

    assert phone.locator(".findings h3").all_inner_texts() == [absolute.name, relative.name, unsure.name]
    _within_first_screen(phone, ".findings h3")
    _within_first_screen(phone, ".result-notice")
    assert phone.locator(".result-notice").bounding_box()["height"] < 0.2 * PHONE["height"]
    crisis = phone.locator(".crisis-box")
    assert crisis.count() == 1 and crisis.locator("a[href='tel:988']").count() == 1
    assert crisis.bounding_box()["height"] < 0.3 * PHONE["height"]  # compact
    next_steps = phone.locator("#talk-to-clinician").bounding_box()["y"]
    assert phone.locator(".findings").bounding_box()["y"] < next_steps < crisis.bounding_box()["y"]
    assert phone.locator(".talk-to-clinician a[href^='tel:']").count() == 1
    assert phone.url.endswith("/safety/check/")  # no answers in the address


def test_reader_pages_have_16px_text_and_24px_targets_on_a_phone(phone):
    phone.goto("/articles/")
    article = phone.locator(".article-card h2 a").first.get_attribute("href")
    phone.goto("/conditions/")
    condition = phone.locator("main a[href^='/conditions/'][href$='/']").nth(1).get_attribute("href")
    for path in ("/", "/articles/", article, "/conditions/", condition, "/treatments/", "/safety/",
                 "/safety/check/", "/search/?q=nasal+sprays"):  # fmt: skip
        phone.goto(path)
        assert _small_text(phone) == [], path
        assert _small_targets(phone) == [], path
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    phone.goto(article)
    phone.screenshot(path=SCREENSHOTS / "article-first-screen.png")
    # The byline and the review line are one short line each: the article starts sooner.
    assert phone.locator(".article-header p").count() <= 3
    assert phone.locator(".article-header").inner_text().count("reviewed") == 1


def _page_width(page):
    return page.evaluate("() => document.documentElement.scrollWidth")


def test_no_public_page_scrolls_sideways_even_for_a_300_character_search(phone):
    long_word = "depression" * 30
    for path in ("/", "/conditions/", "/safety/", f"/search/?q={long_word}", "/search/?q=" + "a " * 150):
        phone.goto(path)
        assert _page_width(phone) <= PHONE["width"], f"{path[:40]} is {_page_width(phone)} px wide"


def test_the_footers_phone_email_and_emergency_links_are_44px_tap_targets(phone):
    phone.goto("/")
    heights = phone.evaluate(
        """() => [...document.querySelectorAll('footer a')]
            .map(a => [a.textContent.trim(), a.getBoundingClientRect().height])"""
    )
    assert heights and all(height >= 44 for _, height in heights), heights


# Tap targets (WCAG 2.2, 2.5.5 and 2.5.8, held to 44 px): each visible link, button, field, disclosure and
# menu in the page's main part and footer is at least 44 px tall, or has room around it: the 44 px-tall
# box centred on it overlaps no other target, so a thumb that lands a little off still hits only it.
# Exempt, as 2.5.8's inline exception allows: a link inside the running text of a paragraph (or list item,
# cell, caption), whose size the line of text sets; making every such link 44 px would spread the lines.
_TARGETS = """() => {
    const TARGET = 'a[href], button, input:not([type=hidden]), summary, select, textarea, label:has(input)';
    const shown = el => {
        const r = el.getBoundingClientRect(), style = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && style.visibility !== 'hidden'
            && !el.closest('.visually-hidden, .skip-link');
    };
    // A radio button or checkbox inside its label: the label is what a thumb taps.
    const all = [...document.querySelectorAll(TARGET)].filter(el => shown(el) && !el.matches('label input'));
    const inRunningText = el => {
        if (!el.matches('a') || getComputedStyle(el).display !== 'inline') return false;
        let block = el.parentElement;
        while (getComputedStyle(block).display === 'inline') block = block.parentElement;
        const words = block.textContent.replace(el.textContent, '').replace(/[\\s.,;:()\\[\\]–—-]/g, '');
        return block.matches('p, li, dd, td, figcaption, blockquote') && words.length > 0;
    };
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return all
        .filter(el => el.closest('main, footer') && !inRunningText(el))
        .filter(el => {
            const r = el.getBoundingClientRect();
            if (r.height >= 43.5) return false;  // 44 px, give or take a rounded half pixel
            const middle = (r.top + r.bottom) / 2;
            const room = {left: r.left, right: r.right, top: middle - 22, bottom: middle + 22};
            return all.some(other => other !== el && !other.contains(el) && !el.contains(other)
                && overlaps(room, other.getBoundingClientRect()));
        })
        .map(el => `${el.outerHTML.slice(0, 90)} (${Math.round(el.getBoundingClientRect().height)} px)`);
}"""


def _crowded_targets(page):
    """Return targets under 44 px tall with another target within the 44 px-tall box centred on them."""
    return page.evaluate(_TARGETS)


def _public_paths(page):
    """Return every page in the sitemap, the search with a 300-character term and the pre-screen."""
    sitemap = page.request.get("/sitemap.xml").text()
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(paths) > 40 and "/treatments/" in paths, paths  # the demo content's every kind of page
    return [*paths, "/search/?q=" + "depression" * 30, "/search/?q=ketamine", "/safety/check/"]


def test_every_public_page_fits_a_phone_with_44px_or_well_spaced_tap_targets(phone):
    problems = []
    for path in _public_paths(phone):
        response = phone.goto(path)
        assert response.ok, path
        width = _page_width(phone)
        crowded = _crowded_targets(phone)
        if width > PHONE["width"]:
            problems.append(f"{path[:60]} is {width} px wide")
        problems += [f"{path[:60]}: {target}" for target in crowded]
    assert not problems, "\n".join(problems)


def test_the_prescreen_result_has_44px_or_well_spaced_tap_targets_too(phone):
    phone.goto("/safety/check/")
    for group in phone.get_by_role("group").all():
        group.get_by_label("Not sure", exact=True).check()
    with phone.expect_navigation():
        phone.click("button:has-text('See what to discuss')")
    assert phone.locator(".findings h3").count() > 0
    assert _page_width(phone) <= PHONE["width"]
    assert _crowded_targets(phone) == []


def test_the_comparison_says_it_scrolls_sideways_before_the_table(phone):
    phone.goto("/treatments/")
    hint = phone.get_by_text("scroll the table sideways")
    assert hint.bounding_box()["y"] < phone.locator(".comparison").bounding_box()["y"]
    # Read before a reader reaches the table, and named by it for a screen reader.
    assert hint.get_attribute("id") in phone.locator(".comparison").get_attribute("aria-describedby").split()


CITATION_MARKER = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")  # "[1]", "[2, 3]", "[1–3]"


def test_no_meta_description_shows_a_citation_marker(phone):
    descriptions, cited = {}, []
    for path in _public_paths(phone)[:-3]:
        phone.goto(path)
        descriptions[path] = phone.locator("meta[name=description]").get_attribute("content")
        if CITATION_MARKER.search(phone.locator("main").inner_text()):
            cited.append(path)
    assert len(cited) >= 5, cited  # pages whose own text cites: their descriptions have markers to drop
    marked = {path: text for path, text in descriptions.items() if CITATION_MARKER.search(text)}
    assert marked == {}
