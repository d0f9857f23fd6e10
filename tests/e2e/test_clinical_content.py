"""Clinical content in a real browser: staff edit it in CKEditor 5; a patient takes the pre-screen."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from articles.roles import sync_roles as sync_article_roles
from conditions.models import Condition, ContraindicationKind
from conditions.roles import sync_roles as sync_condition_roles
from tests.factories import ConditionFactory, ContraindicationFactory, UserFactory

PASSWORD = "correct-horse-battery"  # UserFactory's

pytestmark = pytest.mark.django_db(transaction=True)


def test_clinic_staff_edit_a_condition_in_the_editor_and_readers_see_it(new_page, login):
    # Transactional tests flush the database; the groups come back with these.
    sync_condition_roles(apps)
    sync_article_roles(apps)
    staff = UserFactory(username="frontdesk", password=PASSWORD)
    staff.groups.add(Group.objects.get(name="Clinic staff"))
    condition = ConditionFactory(name="Panic disorder", description="<p>Old text.</p>")

    page = new_page()
    login(page, "frontdesk", PASSWORD)
    page.goto(f"/admin/conditions/condition/{condition.pk}/change/")
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Panic attacks are sudden waves of fear. ")
    page.keyboard.press("Control+i")
    page.keyboard.type("They pass.")
    page.keyboard.press("Control+i")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    condition.refresh_from_db()
    assert "<i>They pass.</i>" in condition.description and "Old text" not in condition.description

    reader = new_page()
    reader.goto(condition.get_absolute_url())
    expect(reader.locator(".prose i")).to_have_text("They pass.")


def test_patient_takes_the_prescreen_with_javascript_off_and_answers_stay_out_of_the_url(new_page):
    absolute = ContraindicationFactory(
        name="Psychosis",
        kind=ContraindicationKind.ABSOLUTE,
        screening_question="Have you ever had psychosis?",
    )
    relative = ContraindicationFactory(
        name="Glaucoma", kind=ContraindicationKind.RELATIVE, screening_question="Do you have glaucoma?"
    )
    ContraindicationFactory(name="Pregnancy", screening_question="Are you pregnant?")

    page = new_page(java_script_enabled=False)
    page.goto("/safety/check/")
    page.get_by_role("group", name=absolute.screening_question).get_by_label("Yes", exact=True).check()
    page.get_by_role("group", name=relative.screening_question).get_by_label("Not sure").check()
    page.get_by_role("group", name="Are you pregnant?").get_by_label("No", exact=True).check()
    page.get_by_role("button", name="See what to discuss").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your pre-screen result")
    assert page.url.endswith("/safety/check/")  # no answers in the address
    findings = page.locator(".finding h3")
    expect(findings).to_have_text(["Psychosis", "Glaucoma"])
    expect(page.locator(".notice")).to_contain_text("This is not a diagnosis or a medical decision")
    expect(page.locator(".crisis-box")).to_contain_text("988")
    assert Condition.objects.count() == 0  # nothing about the patient was stored anywhere
