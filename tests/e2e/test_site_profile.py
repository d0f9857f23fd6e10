"""Clinic staff keep the crisis line and the clinic's numbers in the site profile (issue 23, part 1), in a
real browser: words are refused as numbers, a new crisis number alone asks about the line's name and chat
link, the profile page previews the crisis box, and readers get the new number with a link that dials it."""

import pytest
from playwright.sync_api import expect

from domain.models import SiteProfile

pytestmark = pytest.mark.django_db(transaction=True)

NEW_LINE = {"number": "1-800-555-0199", "dialled": "tel:18005550199", "name": "Lakeside Crisis Line"}


def test_clinic_staff_change_the_crisis_line_and_readers_can_dial_it(new_page, login, staff_member):
    staff_member("frontdesk", "Clinic staff")
    profile = SiteProfile.objects.get_current()
    assert (profile.crisis_line, profile.emergency_number) == ("988", "911")
    page = new_page()
    login(page, "frontdesk")
    page.goto(f"/admin/clinic/siteprofile/{profile.pk}/change/")

    # Words where numbers belong: refused, each with a plain message, and what was typed stays in its box.
    page.fill("#id_emergency_number", "nine one one")
    page.fill("#id_phone", "ring us")
    page.click("input[name=_continue]")
    expect(page.locator(".errornote")).to_be_visible()
    for field, typed in (("emergency_number", "nine one one"), ("phone", "ring us")):
        expect(page.locator(f".field-{field} .errorlist")).to_contain_text(
            f"“{typed}” is not a number a phone can dial. Write it in digits"
        )
        expect(page.locator(f"#id_{field}")).to_have_value(typed)
    assert SiteProfile.objects.get().emergency_number == "911"

    # Numbers again, and a new crisis number alone: the line's name and chat link would still be the old
    # line's, so the form asks about them and keeps the new number as typed.
    page.fill("#id_emergency_number", "911")
    page.fill("#id_phone", "(555) 010-0142")
    page.fill("#id_crisis_line", NEW_LINE["number"])
    page.click("input[name=_continue]")
    asked = page.locator(".field-crisis_line_name .errorlist")
    expect(asked).to_contain_text(f"You changed the crisis number from 988 to {NEW_LINE['number']}")
    expect(asked).to_contain_text("Update them, or tick")
    expect(page.locator("#id_crisis_line")).to_have_value(NEW_LINE["number"])
    expect(page.locator("label[for=id_crisis_details_checked]")).to_be_visible()
    assert SiteProfile.objects.get().crisis_line == "988"

    # With the new line's name and chat link it saves, and the preview shows the box as readers will.
    page.fill("#id_crisis_line_name", NEW_LINE["name"])
    page.fill("#id_crisis_chat_url", "https://chat.example.org/talk/")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    preview = page.locator(".reader-preview")
    crisis_box = preview.locator(".crisis-box")
    expect(crisis_box).to_contain_text(f"Call or text {NEW_LINE['number']} to reach the {NEW_LINE['name']}")
    expect(crisis_box.locator(f"a[href='{NEW_LINE['dialled']}']")).to_have_text(NEW_LINE["number"])
    expect(crisis_box.locator("a[href='https://chat.example.org/talk/']")).to_have_text("chat.example.org")
    expect(preview).not_to_contain_text("988")

    # A reader, with no login and no script, sees the new line and the clinic's number, each dialable.
    reader = new_page(java_script_enabled=False)
    reader.goto("/")
    footer = reader.locator("footer")
    expect(footer.locator(f"a[href='{NEW_LINE['dialled']}']")).to_have_text(NEW_LINE["number"])
    expect(footer).to_contain_text(NEW_LINE["name"])
    expect(footer.locator("a[href='tel:911']")).to_have_text("911")
    expect(footer.locator("a[href='tel:5550100142']")).to_have_text("(555) 010-0142")
    expect(footer).not_to_contain_text("988")
    expect(reader.locator("a[href='tel:']")).to_have_count(0)  # no link that dials nothing
