"""The clinic-staff role, who keep the clinical listings: made by a migration, topped up on every migrate."""

from editorial.roles import app_permissions, create_all_permissions, grant, named_permissions

CLINIC_STAFF = "Clinic staff"
# The crisis line, clinic phone and booking link are staff's to keep current, in the one site profile;
# and the shared core's records that clinical listings use: sources and citations they keep, reviewers
# they name.
SHARED_RECORDS = [
    "clinic.view_siteprofile",
    "clinic.change_siteprofile",
    *(
        f"clinic.{action}_{model}"
        for action in ("view", "add", "change", "delete")
        for model in ("source", "citation", "passage", "siteprofiletranslation")
    ),
    "clinic.view_person",
    # The search synonyms readers' words are matched with: brand and generic names, abbreviations.
    *(f"clinic.{action}_synonymset" for action in ("view", "add", "change", "delete")),
]


def sync_roles(apps, using="default"):
    """Create the clinic-staff group if missing; give it every conditions permission and shared records."""
    create_all_permissions(apps, using=using)
    # Clinic staff also keep old addresses of their pages working (domain/redirects.py).
    redirects = named_permissions(
        apps, [f"clinic.{op}_redirect" for op in ("view", "add", "change", "delete")]
    )
    permissions = [*app_permissions(apps, "conditions"), *named_permissions(apps, SHARED_RECORDS), *redirects]
    grant(apps, CLINIC_STAFF, permissions, using=using)
