from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from conditions import demo
from conditions.models import (
    EVIDENCE_IN_PLAIN_WORDS,
    AdministrationRoute,
    CandidateProfile,
    Condition,
    ConditionGroup,
    ConditionRoute,
    Contraindication,
    ContraindicationKind,
    DoseBasis,
    Evidence,
    RegulatoryStatus,
    attach_route_ids,
)
from domain.content import library_dir, read_list
from domain.models import Citation, Passage, attach_citations, cite
from library.loader import load_files
from tests.factories import (
    AdministrationRouteFactory,
    ConditionFactory,
    ConditionGroupFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    InteractionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def test_listed_conditions_follow_group_order_then_staff_order():
    anxiety = ConditionGroupFactory(name="Anxiety disorders", order=2)
    depression = ConditionGroupFactory(name="Depression", order=1)
    panic = ConditionFactory(group=anxiety, order=1, name="Panic disorder")
    gad = ConditionFactory(group=anxiety, order=0, name="Generalized anxiety")
    trd = ConditionFactory(group=depression, order=5, name="Treatment-resistant depression")
    mdd = ConditionFactory(group=depression, order=3, name="Major depressive disorder")
    ConditionFactory(group=depression, order=0, name="Hidden one", hidden=True)

    assert list(Condition.objects.listed()) == [mdd, trd, gad, panic]


def test_listed_keeps_groups_together_when_two_groups_share_an_order():
    first = ConditionGroupFactory(name="Alpha", order=1)
    second = ConditionGroupFactory(name="Beta", order=1)
    a0 = ConditionFactory(group=first, order=0)
    b1 = ConditionFactory(group=second, order=1)
    a2 = ConditionFactory(group=first, order=2)

    assert list(Condition.objects.listed()) == [a0, a2, b1]


def test_for_route_returns_route_specific_and_all_route_contraindications_once():
    iv = AdministrationRouteFactory(name="IV infusion")
    nasal = AdministrationRouteFactory(name="Nasal spray")
    for_iv = ContraindicationFactory(name="IV only", routes=[iv])
    for_both = ContraindicationFactory(name="Both named", routes=[iv, nasal])
    for_all = ContraindicationFactory(name="Applies to all")
    for_nasal = ContraindicationFactory(name="Nasal only", routes=[nasal])

    result = list(Contraindication.objects.for_route(iv))

    assert sorted(result, key=lambda c: c.pk) == [for_iv, for_both, for_all]
    assert for_nasal not in Contraindication.objects.for_route(iv)
    assert for_nasal in Contraindication.objects.for_route(nasal)


def test_attach_citations_gives_each_item_its_own_sources_and_passages_in_order_from_two_queries(
    django_assert_num_queries,
):
    contraindication, interaction, uncited = (
        ContraindicationFactory(),
        InteractionFactory(),
        ContraindicationFactory(),
    )
    shared, second, third = SourceFactory.create_batch(3)
    cite(contraindication, [second, shared])
    cite(interaction, [shared, third])
    passage = Passage.objects.create(
        citation=Citation.objects.get(object_id=interaction.pk, source=third),
        claim="c",
        text="t",
        locator="l",
    )

    with django_assert_num_queries(2):  # the citations with their sources, then all their passages
        attach_citations([contraindication, uncited], [interaction])
        assert list(interaction.citation_list[1].passages.all()) == [passage]
        assert list(interaction.citation_list[0].passages.all()) == []

    assert [c.source for c in contraindication.citation_list] == [second, shared]
    assert [c.source for c in interaction.citation_list] == [shared, third]
    assert uncited.citation_list == []


def test_attach_route_ids_gives_each_item_every_route_it_names_from_one_query(django_assert_num_queries):
    iv, hidden = AdministrationRouteFactory(), AdministrationRouteFactory(is_listed=False)
    contraindication, for_all = ContraindicationFactory(routes=[iv, hidden]), ContraindicationFactory()
    interaction = InteractionFactory(routes=[hidden])

    with django_assert_num_queries(1):
        attach_route_ids([contraindication, for_all], [interaction])

    assert contraindication.route_ids == {iv.pk, hidden.pk}
    assert for_all.route_ids == set()
    assert interaction.route_ids == {hidden.pk}


def test_condition_description_is_cleaned_on_save():
    condition = ConditionFactory(description='<p onclick="x()">Hello<script>alert(1)</script></p>')
    condition.refresh_from_db()
    assert condition.description == "<p>Hello</p>"


def test_route_description_is_cleaned_on_save():
    route = AdministrationRouteFactory(description='<p>Fine</p><img src="javascript:alert(1)">')
    route.refresh_from_db()
    assert "javascript" not in route.description
    assert "<p>Fine</p>" in route.description


def test_evidence_is_explained_in_plain_words_for_every_level():
    assert set(EVIDENCE_IN_PLAIN_WORDS) == set(Evidence)
    condition = ConditionFactory(evidence=Evidence.ESTABLISHED)
    assert condition.evidence_heading == "Strong evidence"
    assert "clinical trials" in condition.evidence_explained


def test_comparison_facts_come_from_the_structured_fields():
    route = AdministrationRouteFactory(
        dose_min=56,
        dose_max=84,
        dose_is_choice=True,
        dose_basis=DoseBasis.FIXED,
        dose_unit="mg",
        dose_note="two to three devices",
        requirements="",
    )
    facts = dict(route.comparison_facts())
    assert facts["Typical dose"] == "56 or 84 mg"
    assert facts["About the dose"] == "two to three devices"
    assert facts["Session length"] == route.session_length
    assert facts["Observation after a dose"] == route.observation_period
    assert facts["Regulatory status"] == "Off-label"


def test_a_route_cannot_be_linked_twice_to_one_condition():
    link = ConditionRouteFactory()
    duplicate = ConditionRoute(condition=link.condition, route=link.route)
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "This treatment route is already linked to this condition." in str(excinfo.value)


def test_contraindication_kinds_order_absolute_first():
    relative = ContraindicationFactory(kind=ContraindicationKind.RELATIVE, order=0)
    absolute = ContraindicationFactory(kind=ContraindicationKind.ABSOLUTE, order=9)
    assert list(Contraindication.objects.listed()) == [absolute, relative]
    assert absolute.is_absolute and not relative.is_absolute


SEED_CONDITIONS_BY_GROUP = {
    "depression": [
        "major-depressive-disorder",
        "treatment-resistant-depression",
        "bipolar-depression",
        "postpartum-depression",
    ],
    "anxiety-disorders": [
        "generalized-anxiety-disorder",
        "social-anxiety-disorder",
        "panic-disorder",
        "anxiety-with-depression",
    ],
    "ptsd-and-trauma": ["ptsd", "complex-ptsd"],
    "other-conditions": [
        "ocd",
        "chronic-pain-with-depression",
        "suicidal-ideation",
        "eating-disorders",
        "substance-use-disorders",
        "end-of-life-distress",
    ],
}


def demo_counts():
    return [
        model.objects.count()
        for model in (ConditionGroup, Condition, AdministrationRoute, ConditionRoute, Contraindication,
                      CandidateProfile)
    ]  # fmt: skip


def test_demo_load_twice_creates_no_duplicates(demo_content):
    first = demo_counts()
    demo.load()
    assert demo_counts() == first
    assert all(first)


def test_demo_has_every_seed_condition_in_its_group(demo_content):
    for group_slug, slugs in SEED_CONDITIONS_BY_GROUP.items():
        in_group = set(
            Condition.objects.listed().filter(group__slug=group_slug).values_list("slug", flat=True)
        )
        assert set(slugs) <= in_group, group_slug
    assert list(Condition.objects.filter(show_crisis_help=True).values_list("slug", flat=True)) == [
        "suicidal-ideation"
    ]


def test_demo_routes_state_the_regulatory_facts(demo_content):
    statuses = dict(AdministrationRoute.objects.values_list("slug", "regulatory_status"))
    assert statuses["intranasal-esketamine"] == RegulatoryStatus.FDA_APPROVED
    assert statuses["iv-ketamine-infusion"] == RegulatoryStatus.OFF_LABEL
    # Compounded troches are unapproved drugs (FDA, October 2023), not an approved medicine used off-label.
    assert statuses["sublingual-oral-ketamine"] == RegulatoryStatus.NOT_APPROVED
    assert statuses["intramuscular-ketamine"] == RegulatoryStatus.OFF_LABEL
    iv = AdministrationRoute.objects.get(slug="iv-ketamine-infusion")
    assert iv.dose_display == "0.5 mg/kg"


def test_demo_review_names_the_reviewing_psychiatrist_recently(time_machine):
    # The files record the real review dates (content/REVIEW.md: 2026-12-06, the Spanish 2026-12-07): read
    # them the day after.
    time_machine.move_to(date(2026, 12, 8))
    load_files(library_dir())  # the library's one loader: facts, then the items that name them
    reviewer = next(
        entry.values for entry in read_list(library_dir() / "people.yaml") if entry.values["may_review"]
    )
    condition = Condition.objects.get(slug="treatment-resistant-depression")
    assert (
        condition.reviewer.name_with_credentials == f"{reviewer['display_name']}, {reviewer['credentials']}"
    )
    assert date.today() - timedelta(days=90) <= condition.last_reviewed <= date.today()


def test_conditions_own_the_clinic_staff_role_and_top_it_up():
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    from conditions.roles import CLINIC_STAFF, sync_roles

    staff = Group.objects.get(name=CLINIC_STAFF)
    staff.permissions.remove(Permission.objects.get(codename="change_contraindication"))
    extra = Permission.objects.get(codename="add_tag")
    staff.permissions.add(extra)

    sync_roles(apps)

    assert staff.permissions.filter(codename="change_contraindication").exists()
    assert staff.permissions.filter(pk=extra.pk).exists()
