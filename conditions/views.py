from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView, TemplateView

from .forms import PrescreenForm
from .models import (
    EVIDENCE_IN_PLAIN_WORDS,
    AdministrationRoute,
    CandidateProfile,
    Condition,
    Contraindication,
    ContraindicationKind,
)


class StaffPreviewMixin:
    """Staff who may edit the model see hidden entries too, under a banner and never cached."""

    preview_permission = ""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.user.has_perm(self.preview_permission):
            return queryset  # staff preview; the template shows a "hidden from the public" banner
        return queryset.listed()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_listed:
            add_never_cache_headers(response)  # a preview must never reach a shared cache
        return response


class ConditionListView(ListView):
    def get_queryset(self):
        return Condition.objects.listed()

    def get_context_data(self, **kwargs):
        return super().get_context_data(evidence_levels=EVIDENCE_IN_PLAIN_WORDS.values(), **kwargs)


class ConditionDetailView(StaffPreviewMixin, DetailView):
    queryset = Condition.objects.for_page()
    preview_permission = "conditions.change_condition"

    def get_context_data(self, **kwargs):
        # Articles name their conditions; the reverse manager has Article's published().
        return super().get_context_data(articles=self.object.articles.published(), **kwargs)


class RouteListView(ListView):
    def get_queryset(self):
        return AdministrationRoute.objects.listed()

    def get_context_data(self, **kwargs):
        # One row per fact, one column per route: zip turns each route's (label, value) list sideways.
        facts_per_route = [route.comparison_facts() for route in self.object_list]
        rows = [(pairs[0][0], [value for _, value in pairs]) for pairs in zip(*facts_per_route, strict=True)]
        return super().get_context_data(comparison_rows=rows, **kwargs)


class RouteDetailView(StaffPreviewMixin, DetailView):
    queryset = AdministrationRoute.objects.for_page()
    context_object_name = "route"
    preview_permission = "conditions.change_administrationroute"

    def get_context_data(self, **kwargs):
        contraindications = Contraindication.objects.listed().for_route(self.object)
        return super().get_context_data(contraindications=contraindications, **kwargs)


class SafetyView(TemplateView):
    template_name = "conditions/safety.html"

    def get_context_data(self, **kwargs):
        contraindications = list(Contraindication.objects.listed().for_safety_page())
        return super().get_context_data(
            absolute=[c for c in contraindications if c.kind == ContraindicationKind.ABSOLUTE],
            relative=[c for c in contraindications if c.kind == ContraindicationKind.RELATIVE],
            candidates=CandidateProfile.objects.listed(),
            **kwargs,
        )


# Answers are health information: sent by POST only, never stored, logged, cached or put in a URL.
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def safety_check(request):
    contraindications = Contraindication.objects.listed()
    if request.method == "POST":
        form = PrescreenForm(request.POST, contraindications=contraindications)
        findings = form.findings() if form.is_valid() else None
    else:
        form = PrescreenForm(contraindications=contraindications)
        findings = None
    return render(request, "conditions/safety_check.html", {"form": form, "findings": findings})
