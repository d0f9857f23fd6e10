import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from conditions.models import AdministrationRoute, Condition, ConditionRoute, Evidence
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    ConditionFactory,
    ConditionGroupFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    PersonFactory,
    UserFactory,
)
from tests.helpers import condition_form_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:conditions_condition_changelist")
ADD = reverse("admin:conditions_condition_add")


def test_changelist_edits_order_and_listed_in_place(admin_client):
    first, second = ConditionFactory(order=1), ConditionFactory(order=2)
    data = {
        "form-TOTAL_FORMS": 2,
        "form-INITIAL_FORMS": 2,
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
        "form-0-id": first.pk,
        "form-0-order": 7,
        "form-0-is_listed": "on",
        "form-1-id": second.pk,
        "form-1-order": 2,  # is_listed left unticked: hidden
        "_save": "Save",
    }

    response = admin_client.post(CHANGELIST, data)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.order == 7 and first.is_listed
    assert second.order == 2 and not second.is_listed


def test_bulk_actions_hide_and_show_conditions(admin_client):
    chosen = ConditionFactory.create_batch(2)
    untouched = ConditionFactory()

    admin_client.post(CHANGELIST, {"action": "hide_from_site", "_selected_action": [c.pk for c in chosen]})

    assert list(Condition.objects.listed()) == [untouched]
    admin_client.post(CHANGELIST, {"action": "show_on_site", "_selected_action": [chosen[0].pk]})
    assert set(Condition.objects.listed()) == {untouched, chosen[0]}
    assert chosen[0].history.count() == 3  # created, hidden, shown: each change is in the history


def test_bulk_messages_agree_in_number_with_what_was_changed(admin_client):
    one, two = ConditionFactory.create_batch(2)
    hidden_one = admin_client.post(
        CHANGELIST, {"action": "hide_from_site", "_selected_action": [one.pk]}, follow=True
    )
    assert "1 condition hidden from the site." in hidden_one.content.decode()
    shown_two = admin_client.post(
        CHANGELIST, {"action": "show_on_site", "_selected_action": [one.pk, two.pk]}, follow=True
    )
    assert "2 conditions shown on the site." in shown_two.content.decode()


def test_the_condition_form_heads_its_routes_in_plain_english(admin_client):
    html = admin_client.get(reverse("admin:conditions_condition_add")).content.decode()
    assert "Treatment routes for this condition" in html
    assert "route for this conditions" not in html.lower()


def test_changelist_search_includes_and_excludes(admin_client):
    wanted = ConditionFactory(name="Postpartum depression")
    other = ConditionFactory(name="Panic disorder")

    html = admin_client.get(CHANGELIST, {"q": "postpartum"}).content.decode()

    assert wanted.name in html and other.name not in html


def test_changelist_filters_by_group_and_evidence(admin_client):
    anxiety = ConditionGroupFactory(name="Anxiety disorders")
    gad = ConditionFactory(name="Generalized anxiety", group=anxiety, evidence=Evidence.EMERGING)
    mdd = ConditionFactory(name="Major depression", evidence=Evidence.ESTABLISHED)

    html = admin_client.get(CHANGELIST).content.decode()
    assert f"?group__id__exact={anxiety.pk}" in html and "?evidence__exact=established" in html

    by_group = admin_client.get(CHANGELIST, {"group__id__exact": anxiety.pk}).content.decode()
    by_evidence = admin_client.get(CHANGELIST, {"evidence__exact": "established"}).content.decode()
    assert gad.name in by_group and mdd.name not in by_group
    assert mdd.name in by_evidence and gad.name not in by_evidence


def test_description_uses_the_rich_text_editor(admin_client):
    condition_html = admin_client.get(ADD).content.decode()
    route_html = admin_client.get(reverse("admin:conditions_administrationroute_add")).content.decode()

    assert "django_ckeditor_5" in condition_html and "django_ckeditor_5" in route_html


def test_route_form_groups_its_facts_and_requires_them(admin_client):
    url = reverse("admin:conditions_administrationroute_add")
    html = admin_client.get(url).content.decode()
    for heading in ("Medication and regulation", "Dose and sessions", "Schedule", "Safety and setting"):
        assert heading in html

    response = admin_client.post(
        url,
        {"name": "Intramuscular ketamine", "slug": "intramuscular", "order": 0,
         "condition_links-TOTAL_FORMS": 0, "condition_links-INITIAL_FORMS": 0},
    )  # fmt: skip

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert {"medication", "dose_min", "dose_max", "session_length", "observation_period", "setting"} <= set(
        errors
    )
    assert 'value="Intramuscular ketamine"' in response.content.decode()  # nothing typed is lost
    assert not AdministrationRoute.objects.exists()


def test_duplicate_slug_gives_a_clear_error_and_keeps_typed_data(admin_client):
    ConditionFactory(slug="complex-ptsd")

    response = admin_client.post(ADD, condition_form_data(summary="What I typed carefully."))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Another entry already uses this address (slug)" in html
    assert "What I typed carefully." in html
    assert Condition.objects.count() == 1


def test_order_must_not_be_negative(admin_client):
    response = admin_client.post(ADD, condition_form_data(order=-1))

    assert response.status_code == 200
    assert "order" in response.context["adminform"].form.errors
    assert not Condition.objects.filter(slug="complex-ptsd").exists()


def test_linking_a_route_twice_is_a_form_error_not_a_crash(admin_client):
    link = ConditionRouteFactory(note="Original note")
    condition, route = link.condition, link.route
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    data = condition_form_data(
        condition,
        **{
            "route_links-TOTAL_FORMS": 2,
            "route_links-INITIAL_FORMS": 1,
            "route_links-0-id": link.pk,
            "route_links-0-condition": condition.pk,
            "route_links-0-route": route.pk,
            "route_links-0-note": "Original note",
            "route_links-0-order": 0,
            "route_links-1-condition": condition.pk,
            "route_links-1-route": route.pk,
            "route_links-1-note": "Second copy",
            "route_links-1-order": 1,
        },
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "This treatment route is already linked to this condition." in response.content.decode()
    assert ConditionRoute.objects.count() == 1


def test_adding_a_route_already_linked_in_the_database_is_a_form_error(admin_client):
    link = ConditionRouteFactory()
    condition = link.condition
    data = condition_form_data(
        condition,
        **{
            "route_links-TOTAL_FORMS": 1,
            "route_links-0-condition": condition.pk,
            "route_links-0-route": link.route.pk,
            "route_links-0-note": "Again",
            "route_links-0-order": 1,
        },
    )

    response = admin_client.post(reverse("admin:conditions_condition_change", args=[condition.pk]), data)

    assert response.status_code == 200
    assert "This treatment route is already linked to this condition." in response.content.decode()
    assert ConditionRoute.objects.count() == 1


def test_history_revert_restores_an_earlier_version(admin_client):
    condition = ConditionFactory(name="Panic disorder", summary="The first summary.")
    change_url = reverse("admin:conditions_condition_change", args=[condition.pk])
    admin_client.post(change_url, condition_form_data(condition, summary="A mistaken edit."))
    condition.refresh_from_db()
    assert condition.summary == "A mistaken edit."
    first_version = condition.history.earliest()

    revert_url = reverse(
        "admin:conditions_condition_simple_history", args=[condition.pk, first_version.history_id]
    )
    assert "The first summary." in admin_client.get(revert_url).content.decode()
    response = admin_client.post(revert_url, condition_form_data(first_version.instance))

    assert response.status_code == 302
    condition.refresh_from_db()
    assert condition.summary == "The first summary."
    assert condition.history.count() == 3


def test_route_admin_links_conditions_inline_and_contraindication_lists_routes(admin_client):
    route = AdministrationRouteFactory(short_name="IV")
    ConditionRouteFactory(route=route, condition=ConditionFactory(name="Bipolar depression"))
    ContraindicationFactory(name="Psychosis")
    ContraindicationFactory(name="Needle phobia", routes=[route])

    route_html = admin_client.get(reverse("admin:conditions_administrationroute_change", args=[route.pk]))
    contra_html = admin_client.get(reverse("admin:conditions_contraindication_changelist")).content.decode()

    assert "Conditions this route is used for" in route_html.content.decode()
    assert "All routes" in contra_html and ">IV<" in contra_html


def test_clinic_staff_can_change_a_condition_but_not_publish_an_article(client):
    staff = UserFactory(username="staff-member")
    staff.groups.add(Group.objects.get(name="Clinic staff"))
    condition = ConditionFactory(name="Social anxiety")
    article = ArticleFactory(in_review=True)
    client.force_login(staff)

    response = client.post(
        reverse("admin:conditions_condition_change", args=[condition.pk]),
        condition_form_data(condition, summary="Updated by clinic staff."),
    )

    assert response.status_code == 302
    condition.refresh_from_db()
    assert condition.summary == "Updated by clinic staff."
    assert condition.history.latest().history_user == staff
    assert not staff.has_perm("articles.publish_article")
    assert not staff.has_perm("articles.change_article")
    article_change = reverse("admin:articles_article_change", args=[article.pk])
    assert client.post(article_change, {"status": "published"}).status_code == 403


def test_a_next_review_date_before_the_review_is_refused_with_a_message_not_moved(admin_client):
    condition = ConditionFactory(name="Panic disorder")
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    data = condition_form_data(
        condition, reviewer=PersonFactory().pk, last_reviewed="2026-12-01", next_review_due="2026-11-01"
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "The next review must fall after the last review (December 1, 2026)" in html
    assert 'value="2026-11-01"' in html and 'value="2026-12-01"' in html  # what was typed is kept
    condition.refresh_from_db()
    assert condition.last_reviewed is None and condition.next_review_due is None

    data["next_review_due"] = ""  # blank: 12 months after the review
    assert admin_client.post(url, data).status_code == 302
    condition.refresh_from_db()
    assert condition.next_review_due.isoformat() == "2027-12-01"
