"""Who decides the library's proposals: clinic staff, who keep the clinical listings they change.

Deciding also needs the right to change the item itself (admin.py), so a role never changes through a
proposal what it could not change in its own form.
"""

from conditions.roles import CLINIC_STAFF
from editorial.roles import create_all_permissions, grant, named_permissions

PROPOSAL_PERMISSIONS = ["library.view_libraryproposal", "library.change_libraryproposal"]


def sync_roles(apps, using="default"):
    create_all_permissions(apps, using=using)
    grant(apps, CLINIC_STAFF, named_permissions(apps, PROPOSAL_PERMISSIONS), using=using)
