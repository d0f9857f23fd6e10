"""The library's proposals in the admin: a list, and one page per proposal that compares the item as the
site shows it now with what the library proposes, gives the reason and the source, and has two buttons,
"Accept the library's version" and "Keep ours". Plain forms: no JavaScript needed.

The page itself edits nothing (no one has the admin's change form); the buttons post to <id>/decide/,
which lets a person decide who may change proposals and may change that kind of item in its own form.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _

from domain.models import Source
from editorial.admin_permissions import RoleAdminMixin

from .decisions import DecisionError, current_item, decide, origin_of, seen_token
from .diff import proposal_diff
from .kinds import KINDS
from .models import Change, LibraryProposal, LibraryState, Status
from .permissions import kinds_user_may, may_decide


@admin.register(LibraryProposal)
class LibraryProposalAdmin(RoleAdminMixin, admin.ModelAdmin):
    change_form_template = "admin/library/libraryproposal/decide.html"
    list_display = [
        "__str__",
        "kind",
        "change",
        "safety",
        "library_version",
        "status",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status", "safety", "kind", "change", "library_version"]
    search_fields = ["name", "key", "reason"]
    actions = None
    fields = ["kind", "key", "name", "change", "library_version", "reason", "source_key", "safety", "status",
              "created_at", "decided_by", "decided_at"]  # fmt: skip
    readonly_fields = fields

    def get_queryset(self, request):
        proposals = super().get_queryset(request).select_related("decided_by")
        return proposals.filter(kind__in=kinds_user_may(request.user, "view"))

    def has_add_permission(self, request):
        return False  # only a library load proposes

    def has_change_permission(self, request, obj=None):
        return False  # the page only shows; a decision goes through decide_view

    def has_delete_permission(self, request, obj=None):
        return False  # a decision is a record

    def get_urls(self):
        decide_url = path(
            "<path:object_id>/decide/",
            self.admin_site.admin_view(self.decide_view),
            name="library_libraryproposal_decide",
        )
        return [decide_url, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if proposal is not None:
            origin = origin_of(proposal)
            item = current_item(proposal, origin)
            kind = KINDS[proposal.kind]
            context.update(
                title=str(proposal),
                proposal=proposal,
                item=item,
                item_url=_admin_url(item, "change"),
                item_history_url=_admin_url(item, "history"),
                diff=proposal_diff(proposal, item, origin) if proposal.is_open else None,
                source=Source.objects.filter(key=proposal.source_key).first()
                if proposal.source_key
                else None,
                may_decide=proposal.is_open and may_decide(request.user, proposal),
                seen=seen_token(proposal),
                decide_url=reverse("admin:library_libraryproposal_decide", args=[proposal.pk]),
                withdrawn=proposal.change == Change.WITHDRAWN,
                hides=proposal.change == Change.WITHDRAWN and kind.listed,
                site_version=LibraryState.current_version(),
            )
        return super().change_view(request, object_id, form_url, context)

    def decide_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_permission(request):
            raise PermissionDenied
        proposal = self.get_object(request, unquote(object_id))
        if proposal is None:
            raise Http404(_("No proposed library change with this ID, or not yours to see."))
        if not may_decide(request.user, proposal):
            raise PermissionDenied
        page = reverse("admin:library_libraryproposal_change", args=[proposal.pk])
        decision = request.POST.get("decision", "")
        try:
            proposal = decide(proposal, decision, request.user, request.POST.get("seen", ""))
        except DecisionError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(page)
        self.message_user(request, _done(proposal), messages.SUCCESS)
        following = self.get_queryset(request).open().first()
        if following is not None:
            return HttpResponseRedirect(reverse("admin:library_libraryproposal_change", args=[following.pk]))
        return HttpResponseRedirect(reverse("admin:library_libraryproposal_changelist"))


def _done(proposal):
    names = {"name": proposal.name, "version": proposal.library_version}
    if proposal.status == Status.KEPT:
        return _("Kept ours: “%(name)s” stays as this site has it; the decision is recorded.") % names
    if proposal.change == Change.WITHDRAWN:
        return (
            _(
                "Accepted: “%(name)s” is hidden from the site (not deleted); its history names version "
                "%(version)s."
            )
            % names
        )
    return (
        _(
            "Accepted: “%(name)s” now shows library version %(version)s; its history records where it came "
            "from."
        )
        % names
    )


def _admin_url(item, page):
    if item is None:
        return ""
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[item.pk])
    except NoReverseMatch:  # a kind without an admin page
        return ""
