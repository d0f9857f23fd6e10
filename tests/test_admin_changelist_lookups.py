"""A changelist accepts only the lookups its admin offers, so no role learns through a hand-made filter
what its own list would not show: whose draft article 3 is, which tags it carries, which article ids
exist (issue 19). Django refuses such a lookup with 400 Bad Request.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    ReferenceFactory,
    SourceFactory,
    TagFactory,
    UserFactory,
    member_of,
)
from tests.helpers import AUTHORS, CLINIC_STAFF, EDITORS, SUPERUSER, allowed_on_any, model_label

pytestmark = pytest.mark.django_db

STAFF_ROLES = [AUTHORS, EDITORS, CLINIC_STAFF]
SECRET_WORD = "Quillwort"  # in the draft's title and body only, so any page that shows it leaks the draft


@pytest.fixture
def someone_elses_draft():
    """A draft by another author, with every detail a reverse filter could reveal."""
    draft = ArticleFactory(
        author=AuthorFactory(display_name="Vera Victim"),
        reviewer=AuthorFactory(display_name="Rex Reviewer", reviewer=True).person,
        title=f"{SECRET_WORD} trial results, not yet announced",
        category=CategoryFactory(name="Unannounced category"),
        tags=[TagFactory(name="Unannounced tag")],
        related_conditions=[ConditionFactory(name="Unannounced condition")],
    )
    reference = ReferenceFactory(article=draft, source=SourceFactory(key="unannounced-source-2026"))
    return draft, reference


def _login(client, role):
    if role == SUPERUSER:
        user = UserFactory(username="root", is_superuser=True)
    else:
        user = member_of(role, username=role.lower().replace(" ", "-"))
        if role == AUTHORS:
            AuthorFactory(user=user, display_name="Wren Writer")
    client.force_login(user)
    return user


def _changelist(label):
    return reverse(f"admin:{label.replace('.', '_')}_changelist")


def _changelist_page(client, label):
    response = client.get(_changelist(label))
    assert response.status_code == 200, label
    return response.context["cl"]


def _offered_choices(cl):
    """Return the query string of every choice the changelist's filter sidebar offers."""
    return {
        choice["query_string"]
        for spec in cl.filter_specs
        for choice in spec.choices(cl)
        if choice["query_string"] != "?"
    }


def _unoffered_relations(cl):
    """Return the relations a lookup could follow from the changelist's model (reverse relations and
    many-to-many) that none of its filters uses."""
    offered = {cl.date_hierarchy}
    for item in cl.list_filter:  # a field name, (field name, filter class), or a filter class
        offered.add(item if isinstance(item, str) else item[0] if isinstance(item, tuple) else None)
    return [
        field.name
        for field in cl.model._meta.get_fields()
        if field.is_relation
        and (field.one_to_many or field.many_to_many or (field.auto_created and not field.concrete))
        and field.name not in offered
    ]


@pytest.mark.parametrize("role", STAFF_ROLES)
@pytest.mark.parametrize(
    ("label", "lookup", "value"),
    [
        # The reports: who wrote article N, its tags, the source behind reference N.
        ("articles.author", "articles__pk", "article"),
        ("articles.tag", "articles__pk", "article"),
        ("clinic.source", "citations__pk", "reference"),
        # The same through the other reverse relations to an article.
        ("clinic.person", "reviewed_articles__pk", "article"),
        ("articles.category", "articles__pk", "article"),
        ("conditions.condition", "articles__pk", "article"),
        # Enumerating which article ids exist.
        ("articles.tag", "articles__pk__gte", "article"),
        ("articles.author", "articles__isnull", "False"),
    ],
)
def test_reverse_relation_filter_is_refused_and_reveals_nothing(
    client, someone_elses_draft, role, label, lookup, value
):
    draft, reference = someone_elses_draft
    if not allowed_on_any(label, role, "v"):
        pytest.skip(f"{role} may not open the {label} list at all")
    _login(client, role)
    value = {"article": draft.pk, "reference": reference.pk}.get(value, value)

    response = client.get(_changelist(label), {lookup: value})

    assert response.status_code == 400, (label, lookup, response.status_code)
    page = response.content.decode()
    for detail in (
        "Vera Victim", "Rex Reviewer", "Unannounced category", "Unannounced tag",
        "Unannounced condition", "unannounced-source-2026", SECRET_WORD,
    ):  # fmt: skip
        assert detail not in page, (label, lookup, detail)


@pytest.mark.parametrize("role", [*STAFF_ROLES, SUPERUSER])
def test_every_changelist_refuses_relations_it_does_not_offer_as_filters(client, role):
    """Generated from the admin registry: a model registered later, or a relation added, is checked too."""
    _login(client, role)
    tried, accepted = 0, []
    for model in admin.site._registry:
        label = model_label(model)
        if not allowed_on_any(label, role, "v"):
            continue
        url = _changelist(label)
        for relation in _unoffered_relations(_changelist_page(client, label)):
            response = client.get(url, {f"{relation}__pk": "1"})
            tried += 1
            if response.status_code != 400:
                accepted.append(f"{url}?{relation}__pk=1 answered {response.status_code}")
    assert tried, "no relation was tried"
    assert not accepted, "\n".join(accepted)


@pytest.mark.parametrize("role", [*STAFF_ROLES, SUPERUSER])
def test_every_filter_the_changelist_offers_still_works(client, someone_elses_draft, role):
    _login(client, role)
    tried = 0
    for model in admin.site._registry:
        label = model_label(model)
        if not allowed_on_any(label, role, "v"):
            continue
        for query_string in _offered_choices(_changelist_page(client, label)):
            response = client.get(_changelist(label) + query_string)
            tried += 1
            assert response.status_code == 200, (label, query_string, response.status_code)
            if role == AUTHORS:
                assert SECRET_WORD not in response.content.decode(), (label, query_string)
    assert tried, "no filter was tried"


def test_author_finds_nothing_of_another_authors_draft_by_search_or_autocomplete(client, someone_elses_draft):
    _login(client, AUTHORS)
    for model, model_admin in admin.site._registry.items():
        label = model_label(model)
        if not allowed_on_any(label, AUTHORS, "v"):
            continue
        response = client.get(_changelist(label), {"q": SECRET_WORD})
        assert response.status_code == 200, label
        assert response.context["cl"].result_count == 0, label  # the page repeats the term in its box
        for source_admin in [model_admin, *model_admin.inlines]:
            opts = source_admin.model._meta
            for field in source_admin.autocomplete_fields:
                found = client.get(
                    reverse("admin:autocomplete"),
                    {
                        "app_label": opts.app_label,
                        "model_name": opts.model_name,
                        "field_name": field,
                        "term": SECRET_WORD,
                    },
                )
                assert found.status_code in (200, 403), (label, field, found.status_code)
                if found.status_code == 200:
                    assert found.json()["results"] == [], (label, field)
