"""Demo content loader: conditions, treatment routes, contraindications and typical candidates."""

from datetime import date, timedelta

from django.db import transaction

from . import demo_data
from .models import (
    AdministrationRoute,
    CandidateProfile,
    Condition,
    ConditionGroup,
    ConditionRoute,
    Contraindication,
)

# The medical reviewer among the demo authors (articles/demo_data.py AUTHORS, may_review); kept as a plain
# string because conditions must not import from articles.
REVIEWED_BY = "Dana Whitfield, MD"
REVIEWED_DAYS_AGO = 30
CRISIS_HELP_SLUGS = {"suicidal-ideation"}


def _without(row, *keys):
    return {key: value for key, value in row.items() if key not in {"slug", *keys}}


@transaction.atomic
def load():
    """Create or update this app's demo content in place; running it again changes nothing."""
    reviewed_on = date.today() - timedelta(days=REVIEWED_DAYS_AGO)

    groups = {}
    for row in demo_data.GROUPS:
        groups[row["slug"]], _ = ConditionGroup.objects.update_or_create(
            slug=row["slug"], defaults=_without(row)
        )

    routes = {}
    for row in demo_data.ROUTES:
        routes[row["slug"]], _ = AdministrationRoute.objects.update_or_create(
            slug=row["slug"], defaults={**_without(row), "last_reviewed": reviewed_on}
        )

    contraindications = {}
    for row in demo_data.CONTRAINDICATIONS:
        contraindication, _ = Contraindication.objects.update_or_create(
            slug=row["slug"], defaults=_without(row, "routes")
        )
        contraindication.routes.set([routes[slug] for slug in row["routes"]])
        contraindications[row["slug"]] = contraindication

    for row in demo_data.CONDITIONS:
        condition, _ = Condition.objects.update_or_create(
            slug=row["slug"],
            defaults={
                **_without(row, "group", "routes", "contraindications"),
                "group": groups[row["group"]],
                "show_crisis_help": row["slug"] in CRISIS_HELP_SLUGS,
                "last_reviewed": reviewed_on,
                "reviewed_by": REVIEWED_BY,
            },
        )
        for order, (route_slug, note) in enumerate(row["routes"]):
            ConditionRoute.objects.update_or_create(
                condition=condition, route=routes[route_slug], defaults={"note": note, "order": order}
            )
        condition.contraindications.set([contraindications[slug] for slug in row["contraindications"]])

    for row in demo_data.CANDIDATE_PROFILES:
        CandidateProfile.objects.update_or_create(title=row["title"], defaults=_without(row, "title"))
