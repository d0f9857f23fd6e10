"""The clinic-staff role, who keep the clinical listings: made by a migration, topped up on every migrate."""

from clinic.core.roles import app_permissions, create_all_permissions, grant, named_permissions

CLINIC_STAFF = "Clinic staff"


def sync_roles(apps, using="default"):
    """Create the clinic-staff group if missing and give it every conditions permission."""
    create_all_permissions(apps, using=using)
    # Clinic staff also keep old addresses of their pages working (clinic/core/redirects.py).
    redirects = named_permissions(
        apps, [f"clinic.{op}_redirect" for op in ("view", "add", "change", "delete")]
    )
    grant(apps, CLINIC_STAFF, [*app_permissions(apps, "conditions"), *redirects], using=using)
