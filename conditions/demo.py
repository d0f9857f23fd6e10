"""Demo content loader for conditions, routes, contraindications, interactions and typical candidates.

Reads content/conditions/*.html, content/routes/*.html and content/safety/*.yaml (README, "Editing content");
updates in place by slug, so running it again changes nothing.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from domain.content import (
    ContentError,
    check_images,
    choice,
    content_dir,
    documents,
    load_library,
    number_citations,
    read_list,
)
from domain.content import save_reviewed as _save

from .models import (
    AdministrationRoute,
    CandidateProfile,
    Condition,
    ConditionGroup,
    ConditionRoute,
    Contraindication,
    ContraindicationKind,
    DoseBasis,
    Evidence,
    Interaction,
    RegulatoryStatus,
    RouteOfAdministration,
    Severity,
)

REVIEW = {"reviewer", "reviewed", "next_review_due"}
GROUP_FIELDS = {"slug", "name", "order"}
CONDITION_FIELDS = {
    "name", "group", "order", "summary", "evidence", "evidence_basis", "routes", "contraindications",
    "crisis_help", "sources", "listed", *REVIEW,
}  # fmt: skip
ROUTE_TEXT = [
    "name", "short_name", "medication", "summary", "dose_note", "session_length", "schedule_induction",
    "schedule_maintenance", "observation_period", "setting", "monitoring", "onset", "requirements",
]  # fmt: skip
ROUTE_FIELDS = {
    *ROUTE_TEXT, "order", "route_of_administration", "regulatory_status", "dose", "emergency_signs",
    "call_clinic_signs", "sources", "listed", *REVIEW,
}  # fmt: skip
CONTRAINDICATION_FIELDS = {
    "slug", "name", "kind", "explanation", "screening_question", "advice", "unsure_advice", "routes", "order",
    "sources", "listed", *REVIEW,
}  # fmt: skip
INTERACTION_FIELDS = {
    "slug", "name", "examples", "effect", "severity", "advice", "routes", "screening_question",
    "unsure_advice", "order", "sources", "listed", *REVIEW,
}  # fmt: skip
CANDIDATE_FIELDS = {"title", "description", "order"}


@transaction.atomic
def load(library=None, folder=None):
    """Create or update this app's demo content in place from the content files."""
    folder = folder or content_dir()
    library = library or load_library(folder)
    groups = {}
    for entry in read_list(folder / "conditions" / "_groups.yaml"):
        entry.check_fields(GROUP_FIELDS, required=["slug", "name"])
        values = entry.values
        groups[values["slug"]], _ = ConditionGroup.objects.update_or_create(
            slug=values["slug"], defaults={"name": values["name"], "order": values.get("order", 0)}
        )
    routes = {document.slug: _load_route(document, library) for document in documents(folder / "routes")}
    for entry in read_list(folder / "safety" / "contraindications.yaml"):
        entry.check_fields(CONTRAINDICATION_FIELDS, required=[
            "slug", "name", "kind", "explanation", "advice", "unsure_advice",
        ])  # fmt: skip
        _listed_item(Contraindication, entry, library, routes, {
            "name": entry.values["name"],
            "kind": choice(entry, "kind", ContraindicationKind),
            "explanation": entry.values["explanation"],
            "screening_question": entry.values.get("screening_question", ""),
            "advice": entry.values["advice"],
            "unsure_advice": entry.values["unsure_advice"],
        })  # fmt: skip
    for entry in read_list(folder / "safety" / "interactions.yaml"):
        entry.check_fields(INTERACTION_FIELDS, required=[
            "slug", "name", "effect", "severity", "advice", "unsure_advice",
        ])  # fmt: skip
        _listed_item(Interaction, entry, library, routes, {
            "name": entry.values["name"],
            "examples": entry.values.get("examples", ""),
            "effect": entry.values["effect"],
            "severity": choice(entry, "severity", Severity),
            "advice": entry.values["advice"],
            "screening_question": entry.values.get("screening_question", ""),
            "unsure_advice": entry.values["unsure_advice"],
        })  # fmt: skip
    contraindications = {c.slug: c for c in Contraindication.objects.all()}
    for document in documents(folder / "conditions"):
        _load_condition(document, library, groups, routes, contraindications)
    for entry in read_list(folder / "safety" / "candidates.yaml"):
        entry.check_fields(CANDIDATE_FIELDS, required=["title", "description"])
        CandidateProfile.objects.update_or_create(
            title=entry.values["title"],
            defaults={"description": entry.values["description"], "order": entry.values.get("order", 0)},
        )


def _listed_item(model, entry, library, routes, values):
    item = _save(
        model,
        {"slug": entry.values["slug"]},
        {**values, "order": entry.values.get("order", 0), "is_listed": entry.values.get("listed", True),
         **library.review_fields(entry)},
        library.sources_of(entry),
        entry,
    )  # fmt: skip
    item.routes.set(_routes(entry, "routes", routes))
    return item


def _routes(entry, key, routes):
    slugs = entry.values.get(key) or []
    unknown = [slug for slug in slugs if slug not in routes]
    if unknown:
        raise entry.error(key, f"unknown route '{unknown[0]}'; the routes are: {', '.join(sorted(routes))}")
    return [routes[slug] for slug in slugs]


def _number(entry, value, what):
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise entry.error("dose", f"the dose's {what} must be a number, not '{value}'") from None


def _load_route(document, library):
    meta = document.meta
    meta.check_fields(ROUTE_FIELDS, required=["name", "short_name", "summary", "dose", "regulatory_status"])
    check_images(document)
    dose = meta.values["dose"]
    if (
        not isinstance(dose, dict)
        or set(dose) - {"min", "max", "unit", "basis", "either"}
        or "min" not in dose
    ):
        raise meta.error("dose", "dose needs min, max, unit and basis (per_kg or fixed)")
    low, high = _number(meta, dose["min"], "min"), _number(meta, dose.get("max", dose["min"]), "max")
    if high < low:
        raise meta.error("dose", f"the dose's max ({high}) is below its min ({low})")
    if dose.get("basis", "fixed") not in DoseBasis.values:
        raise meta.error("dose", f"the dose's basis must be one of: {', '.join(DoseBasis.values)}")
    sources = library.sources_of(meta)
    values = {name: meta.values.get(name) or "" for name in ROUTE_TEXT}
    values.update(
        order=meta.values.get("order", 0),
        is_listed=meta.values.get("listed", True),
        route_of_administration=meta.values.get("route_of_administration") or "",
        regulatory_status=choice(meta, "regulatory_status", RegulatoryStatus),
        dose_min=low,
        dose_max=high,
        dose_is_choice=bool(dose.get("either")),
        dose_unit=dose.get("unit", "mg"),
        dose_basis=dose.get("basis", DoseBasis.FIXED),
        emergency_signs="\n".join(meta.values.get("emergency_signs") or []),
        call_clinic_signs="\n".join(meta.values.get("call_clinic_signs") or []),
        description=number_citations(document, [source.key for source in sources], "sources"),
        **library.review_fields(meta),
    )
    if (
        values["route_of_administration"]
        and values["route_of_administration"] not in RouteOfAdministration.values
    ):
        raise meta.error(
            "route_of_administration", f"must be one of: {', '.join(RouteOfAdministration.values)}"
        )
    return _save(AdministrationRoute, {"slug": document.slug}, values, sources, meta)


def _load_condition(document, library, groups, routes, contraindications):
    meta = document.meta
    meta.check_fields(CONDITION_FIELDS, required=["name", "group", "summary", "evidence"])
    check_images(document)
    if meta.values["group"] not in groups:
        raise meta.error(
            "group", f"unknown group '{meta.values['group']}'; see content/conditions/_groups.yaml"
        )
    sources = library.sources_of(meta)
    condition = _save(
        Condition,
        {"slug": document.slug},
        {
            "name": meta.values["name"],
            "group": groups[meta.values["group"]],
            "order": meta.values.get("order", 0),
            "summary": meta.values["summary"],
            "description": number_citations(document, [source.key for source in sources], "sources"),
            "evidence": choice(meta, "evidence", Evidence),
            "show_crisis_help": bool(meta.values.get("crisis_help")),
            "is_listed": meta.values.get("listed", True),
            **library.review_fields(meta),
        },
        sources,
        meta,
    )
    condition.evidence_sources.set(library.sources_of(meta, "evidence_basis"))
    links = meta.values.get("routes") or []
    for order, link in enumerate(links):
        if not isinstance(link, dict) or link.get("route") not in routes:
            raise ContentError(
                meta.path, meta.line_of("routes"), f"route {order + 1}: unknown or missing 'route'"
            )
        ConditionRoute.objects.update_or_create(
            condition=condition,
            route=routes[link["route"]],
            defaults={"note": link.get("note", ""), "order": order},
        )
    condition.route_links.exclude(route__slug__in=[link["route"] for link in links]).delete()
    extra = meta.values.get("contraindications") or []
    unknown = [slug for slug in extra if slug not in contraindications]
    if unknown:
        raise meta.error("contraindications", f"unknown contraindication '{unknown[0]}'")
    condition.contraindications.set([contraindications[slug] for slug in extra])
