"""What staff see in the admin's editing widgets, measured in the browser."""

from playwright.sync_api import Locator


def heading_and_text_style(editable: Locator) -> tuple[float, int, float]:
    """Return the font size and weight of the first h2 in a CKEditor editable, and its paragraphs' size."""

    def style(selector):
        return editable.locator(selector).first.evaluate(
            "el => [parseFloat(getComputedStyle(el).fontSize), parseInt(getComputedStyle(el).fontWeight)]"
        )

    heading_size, heading_weight = style("h2")
    text_size, _ = style("p")
    return heading_size, heading_weight, text_size


def looks_like_a_heading(editable: Locator) -> bool:
    """A heading is a size or more bigger than the text under it, and bold (the issue saw 13 px, 400)."""
    heading_size, heading_weight, text_size = heading_and_text_style(editable)
    return heading_size >= 1.3 * text_size and heading_weight >= 600
