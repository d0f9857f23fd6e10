"""The library's panels: a safety correction at the top of the admin home until someone decides it, and
the proposals waiting for a decision, on the home page and in the review queue."""

from django.urls import reverse
from django.utils.safestring import mark_safe

from editorial.dashboard import Count, Panel, Waiting

from .models import LibraryProposal, LibraryState
from .permissions import kinds_user_may

SHOWN = 10


def visible_proposals(user):
    """Return the open proposals about items user may see."""
    if not user.has_perm("library.view_libraryproposal"):
        return LibraryProposal.objects.none()
    return LibraryProposal.objects.open().filter(kind__in=kinds_user_may(user, "view"))


def _waiting(proposal):
    badge = mark_safe('<span class="badge badge-warning">Safety</span>') if proposal.safety else ""
    return Waiting(
        title=str(proposal),
        url=reverse("admin:library_libraryproposal_change", args=[proposal.pk]),
        badge=badge,
        note=proposal.reason,
    )


def safety_panel(request):
    proposals = list(visible_proposals(request.user).filter(safety=True)[:SHOWN])
    if not proposals:
        return None
    return Panel(
        title="Safety corrections from the clinical library wait for a decision",
        waiting=[_waiting(proposal) for proposal in proposals],
        alert=True,
    )


def library_panel(request):
    proposals = visible_proposals(request.user)
    total = proposals.count()
    if not total:
        return None
    version = LibraryState.current_version()
    changelist = reverse("admin:library_libraryproposal_changelist") + "?status__exact=open"
    return Panel(
        title=f"Clinical library version {version}: proposed changes" if version else "Proposed changes",
        counts=[Count("waiting for a decision (accept or keep ours)", total, changelist)],
        waiting=[_waiting(proposal) for proposal in proposals[:SHOWN]],
    )
