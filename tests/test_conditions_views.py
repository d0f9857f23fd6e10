from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from conditions.models import ContraindicationKind, DoseBasis, Evidence, RegulatoryStatus
from domain.models import cite
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    CandidateProfileFactory,
    ConditionFactory,
    ConditionGroupFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    InteractionFactory,
    PersonFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Measured once and pinned: each page's SQL stays the same whatever the amount of content.
LIST_PAGE_QUERIES = 1  # listed conditions with their groups
# condition + group + reviewer, listed route links + routes, the sources of its grade, every listed
# contraindication (marked when the condition names it), their routes, the citations of the condition and
# contraindications, the sources' passages, articles
DETAIL_PAGE_QUERIES = 8
TREATMENTS_PAGE_QUERIES = 1  # listed routes
# route + reviewer, listed condition links + conditions, contraindications for the route, interactions for the
# route, the citations of all three, their passages
ROUTE_PAGE_QUERIES = 6
# contraindications, interactions, the routes both name, the citations of both, their passages, listed routes,
# candidates
SAFETY_PAGE_QUERIES = 7


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def make_content(n):
    """Create n of everything a page can show, all linked together."""
    group = ConditionGroupFactory()
    routes = AdministrationRouteFactory.create_batch(n)
    for _ in range(n):
        condition = ConditionFactory(group=group)
        for route in routes:
            ConditionRouteFactory(condition=condition, route=route, note=f"Note for {route.name}")
        contraindications = [ContraindicationFactory(routes=routes[:1]) for _ in range(n)]
        condition.contraindications.set(contraindications)
        condition.evidence_sources.add(SourceFactory())
        for item in (
            condition,
            *contraindications,
            InteractionFactory(routes=routes[:1]),
            InteractionFactory(),
        ):
            cite(item, [SourceFactory()])
        ArticleFactory(published=True, related_conditions=[condition])
    for route in routes:
        cite(route, [SourceFactory()])
    CandidateProfileFactory.create_batch(n)
    return group, routes


def test_condition_list_is_grouped_in_group_then_staff_order(client, site_profile):
    anxiety = ConditionGroupFactory(name="Anxiety disorders", order=2)
    depression = ConditionGroupFactory(name="Depression", order=1)
    ConditionFactory(group=anxiety, name="Panic disorder", order=0)
    ConditionFactory(group=depression, name="Postpartum depression", order=2)
    ConditionFactory(group=depression, name="Bipolar depression", order=1)

    html = html_of(client.get(reverse("conditions:list")))

    expected_order = [
        "Depression</h2>",
        "Bipolar depression",
        "Postpartum depression",
        "Anxiety disorders</h2>",
    ]
    positions = [html.index(text) for text in [*expected_order, "Panic disorder"]]
    assert positions == sorted(positions)


def test_condition_list_explains_evidence_in_plain_words(client, site_profile):
    ConditionFactory(name="Treatment-resistant depression", evidence=Evidence.ESTABLISHED)
    ConditionFactory(name="Eating disorders", evidence=Evidence.INVESTIGATIONAL)

    html = html_of(client.get(reverse("conditions:list")))

    assert "<strong>Strong evidence:</strong>" in html
    assert "<strong>Being studied:</strong>" in html
    assert "<strong>Early evidence:</strong>" not in html


def test_hidden_condition_is_absent_everywhere_and_404(client, site_profile):
    route = AdministrationRouteFactory(name="IV ketamine infusion")
    shown = ConditionFactory(name="Major depressive disorder")
    hidden = ConditionFactory(name="Secret condition", hidden=True)
    ConditionRouteFactory(condition=shown, route=route)
    ConditionRouteFactory(condition=hidden, route=route, note="Hidden note")

    pages = ["conditions:list", "conditions:route_list", "conditions:safety"]
    for url in [*map(reverse, pages), route.get_absolute_url(), shown.get_absolute_url()]:
        html = html_of(client.get(url))
        assert "Secret condition" not in html, url
        assert hidden.get_absolute_url() not in html, url
    assert shown.name in html_of(client.get(route.get_absolute_url()))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("conditions:detail", kwargs={"slug": "no-such-condition"})).status_code == 404


def test_a_condition_hidden_after_readers_saw_it_points_them_to_the_list_and_a_search(client, site_profile):
    condition = ConditionFactory(name="Chronic pain")
    assert client.get(condition.get_absolute_url()).status_code == 200
    condition.is_listed = False
    condition.save()

    response = client.get(condition.get_absolute_url())

    assert response.status_code == 404
    html = response.content.decode()
    assert "Chronic pain is no longer on our site" in html
    assert f'href="{reverse("conditions:list")}"' in html and 'href="/search/?q=Chronic+pain"' in html
    never_listed = ConditionFactory(name="Never shown", hidden=True)
    plain = client.get(never_listed.get_absolute_url()).content.decode()
    assert "Never shown" not in plain and "find that page" in plain


def test_a_hidden_route_page_points_to_the_treatments_list(client, site_profile):
    route = AdministrationRouteFactory(name="Intramuscular injection")
    route.is_listed = False
    route.save()
    response = client.get(route.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 404 and "Intramuscular injection is no longer on our site" in html
    assert f'href="{reverse("conditions:route_list")}"' in html


def test_hidden_route_is_absent_from_condition_page_and_table_and_404(client, site_profile):
    condition = ConditionFactory()
    shown = AdministrationRouteFactory(name="Intranasal esketamine", short_name="Nasal spray")
    hidden = AdministrationRouteFactory(
        name="Intramuscular ketamine", short_name="IM injection", is_listed=False
    )
    ConditionRouteFactory(condition=condition, route=shown)
    ConditionRouteFactory(condition=condition, route=hidden)

    condition_html = html_of(client.get(condition.get_absolute_url()))
    table_html = html_of(client.get(reverse("conditions:route_list")))

    assert shown.name in condition_html and hidden.name not in condition_html
    assert shown.short_name in table_html and hidden.short_name not in table_html
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_staff_preview_a_hidden_condition_under_a_banner(client, site_profile):
    hidden = ConditionFactory(hidden=True)
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="change_condition"))
    client.force_login(staff)

    response = client.get(hidden.get_absolute_url())

    assert "hidden from the public" in html_of(response)
    assert "no-store" in response["Cache-Control"]


def test_condition_page_shows_routes_notes_safety_articles_and_review(client, site_profile):
    condition = ConditionFactory(
        name="Treatment-resistant depression",
        summary="Depression that has not improved after two adequate antidepressant trials.",
        description="<p>A longer explanation.</p>",
        reviewer=PersonFactory(display_name="Dana Whitfield", credentials="MD"),
        last_reviewed=date(2026, 10, 1),
    )
    route = AdministrationRouteFactory(
        name="Intranasal esketamine", regulatory_status=RegulatoryStatus.FDA_APPROVED
    )
    ConditionRouteFactory(condition=condition, route=route, note="FDA-approved for this condition.")
    relevant = ContraindicationFactory(name="Uncontrolled high blood pressure")
    # Only for a route this condition is not treated with (one naming no route applies to every route).
    unrelated = ContraindicationFactory(
        name="Unrelated contraindication", routes=[AdministrationRouteFactory()]
    )
    hidden = ContraindicationFactory(name="Hidden contraindication", is_listed=False)
    condition.contraindications.set([relevant, hidden])
    published = ArticleFactory(
        published=True, title="What to expect at a first session", related_conditions=[condition]
    )
    draft = ArticleFactory(title="Unfinished draft", related_conditions=[condition])
    scheduled = ArticleFactory(scheduled=True, title="Coming next week", related_conditions=[condition])

    html = html_of(client.get(condition.get_absolute_url()))

    assert condition.summary in html
    assert "<p>A longer explanation.</p>" in html
    assert f'href="{route.get_absolute_url()}"' in html
    assert "FDA-approved for this condition." in html
    assert relevant.name in html
    assert unrelated.name not in html and hidden.name not in html
    assert published.title in html
    assert draft.title not in html and scheduled.title not in html
    assert "Last reviewed on" in html and "October 1, 2026" in html and "by Dana Whitfield, MD" in html


def test_condition_page_shows_its_own_contraindications_that_its_routes_do_not(client, site_profile):
    condition = ConditionFactory(name="Bipolar depression")
    iv, nasal = AdministrationRouteFactory(), AdministrationRouteFactory()
    ConditionRouteFactory(condition=condition, route=iv)
    own = ContraindicationFactory(name="Current mania", routes=[nasal])
    not_named = ContraindicationFactory(name="Nasal obstruction", routes=[nasal])
    condition.contraindications.set([own])

    html = html_of(client.get(condition.get_absolute_url()))

    assert html.index("With bipolar depression in particular") < html.index(own.name)
    assert not_named.name not in html


def test_crisis_box_is_on_suicidal_ideation_page_and_not_on_others(client, site_profile):
    suicidal = ConditionFactory(name="Suicidal ideation", slug="suicidal-ideation", show_crisis_help=True)
    other = ConditionFactory(name="Generalized anxiety disorder")

    suicidal_html = html_of(client.get(suicidal.get_absolute_url()))
    other_html = html_of(client.get(other.get_absolute_url()))

    assert 'class="crisis-box"' in suicidal_html
    assert (
        "Call or text" in suicidal_html
        and 'href="tel:988"' in suicidal_html
        and 'href="tel:911"' in suicidal_html
    )
    assert (
        suicidal_html.index("<h1>") < suicidal_html.index('class="crisis-box"') < suicidal_html.index("lede")
    )
    assert 'class="crisis-box"' not in other_html


def test_comparison_table_is_built_from_the_data(client, site_profile):
    route = AdministrationRouteFactory(
        short_name="IV infusion", dose_min=Decimal("0.5"), dose_max=Decimal("0.5")
    )
    AdministrationRouteFactory(
        short_name="Nasal spray", dose_min=56, dose_max=84, dose_is_choice=True, dose_basis=DoseBasis.FIXED
    )

    html = html_of(client.get(reverse("conditions:route_list")))
    assert "<caption" in html
    assert html.count('<th scope="col">') == 2
    assert '<th scope="row">Typical dose</th>' in html
    assert '<th scope="row">Session length</th>' in html
    assert (
        'role="region"' in html and 'tabindex="0"' in html and 'aria-labelledby="comparison-caption"' in html
    )
    assert "0.5 mg/kg" in html and "56 or 84 mg" in html

    route.dose_min = route.dose_max = Decimal("0.75")
    route.save()
    html = html_of(client.get(reverse("conditions:route_list")))
    assert "0.75 mg/kg" in html and "0.5 mg/kg" not in html


def test_route_page_shows_facts_conditions_and_its_contraindications(client, site_profile):
    iv = AdministrationRouteFactory(name="IV ketamine infusion", monitoring="Blood pressure, heart rate")
    nasal = AdministrationRouteFactory(name="Intranasal esketamine")
    condition = ConditionFactory(name="Treatment-resistant depression")
    ConditionRouteFactory(condition=condition, route=iv, note="The most studied route.")
    for_iv = ContraindicationFactory(name="Needle phobia", routes=[iv], kind=ContraindicationKind.RELATIVE)
    for_all = ContraindicationFactory(name="History of psychosis")
    for_nasal = ContraindicationFactory(name="Nasal obstruction", routes=[nasal])

    html = html_of(client.get(iv.get_absolute_url()))

    assert "<dt>Monitoring</dt><dd>Blood pressure, heart rate</dd>" in html
    assert "Off-label" in html and "not for mental health conditions" in html
    assert condition.name in html and "The most studied route." in html
    assert for_iv.name in html and for_all.name in html
    assert for_nasal.name not in html


def test_safety_page_lists_contraindications_in_staff_order(client, site_profile):
    # Made last-first, so the table's own order is the reverse of staff's.
    second = ContraindicationFactory(name="Second in staff order", order=2)
    first = ContraindicationFactory(name="First in staff order", order=1)

    html = html_of(client.get(reverse("conditions:safety")))

    assert html.index(first.name) < html.index(second.name)


def test_safety_page_never_says_an_item_for_hidden_routes_only_applies_to_every_route(client, site_profile):
    hidden = AdministrationRouteFactory(name="Intramuscular ketamine", is_listed=False)
    InteractionFactory(name="Benzodiazepines", routes=[hidden])
    InteractionFactory(name="Opioid pain medicines")
    ContraindicationFactory(name="Needle phobia", routes=[hidden])

    html = html_of(client.get(reverse("conditions:safety")))

    benzodiazepines = html[html.index("Benzodiazepines") : html.index("Opioid pain medicines")]
    assert "Applies to" not in benzodiazepines and hidden.get_absolute_url() not in html
    opioids = html[html.index("Opioid pain medicines") :]
    assert "Applies to every treatment route." in opioids
    needle = html[html.index("Needle phobia") :]
    assert "Applies to all treatment routes." not in needle[: needle.index("</li>")]


def test_safety_page_groups_contraindications_and_offers_a_clinician(client, site_profile):
    iv = AdministrationRouteFactory(name="IV ketamine infusion")
    psychosis = ContraindicationFactory(name="History of psychosis", kind=ContraindicationKind.ABSOLUTE)
    hypertension = ContraindicationFactory(
        name="High blood pressure", kind=ContraindicationKind.RELATIVE, routes=[iv], explanation="It rises."
    )
    candidate = CandidateProfileFactory(title="Treatment-resistant depression")

    html = html_of(client.get(reverse("conditions:safety")))

    absolute_at, relative_at = (
        html.index("Usually not a candidate</h2>"),
        html.index("Needs careful evaluation first"),
    )
    assert absolute_at < html.index(psychosis.name) < relative_at < html.index(hypertension.name)
    assert "Applies to all treatment routes." in html
    assert f'<a href="{iv.get_absolute_url()}">IV ketamine infusion</a>' in html
    assert "It rises." in html
    assert candidate.title in html
    assert 'href="tel:5550100142"' in html and site_profile.booking_url in html
    assert f'href="{reverse("conditions:check")}"' in html


@pytest.mark.parametrize(
    ("url_name", "pinned", "needs_slug"),
    [
        ("conditions:list", LIST_PAGE_QUERIES, None),
        ("conditions:detail", DETAIL_PAGE_QUERIES, "condition"),
        ("conditions:route_list", TREATMENTS_PAGE_QUERIES, None),
        ("conditions:route_detail", ROUTE_PAGE_QUERIES, "route"),
        ("conditions:safety", SAFETY_PAGE_QUERIES, None),
    ],
)
def test_page_query_count_does_not_grow(
    client, site_profile, django_assert_num_queries, url_name, pinned, needs_slug
):
    for batch in (1, 4):
        group, routes = make_content(batch)
        kwargs = {}
        if needs_slug == "condition":
            kwargs = {"slug": group.conditions.first().slug}
        elif needs_slug == "route":
            kwargs = {"slug": routes[0].slug}
        with django_assert_num_queries(pinned):
            assert client.get(reverse(url_name, kwargs=kwargs)).status_code == 200


def test_the_comparison_says_it_scrolls_sideways_before_the_table(client, site_profile):
    AdministrationRouteFactory.create_batch(2)
    html = html_of(client.get(reverse("conditions:route_list")))
    hint = html.index("scroll the table sideways")
    assert hint < html.index("<table") and 'aria-describedby="comparison-hint"' in html
