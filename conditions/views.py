from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView, TemplateView

from domain import structured_data
from domain.models import attach_citations
from domain.seo import PageMetaMixin, collection_page
from domain.translations import TranslatedPageMixin
from infrastructure import cache_tags

from .forms import PrescreenForm
from .models import (
    EVIDENCE_IN_PLAIN_WORDS,
    AdministrationRoute,
    CandidateProfile,
    Condition,
    Contraindication,
    ContraindicationKind,
    Interaction,
    attach_route_ids,
)
from .structured_data import condition_nodes, route_nodes, therapy_reference


class StaffPreviewMixin:
    """Staff who may edit the model see hidden entries too, under a banner and never cached."""

    preview_permission = ""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.user.has_perm(self.preview_permission):
            return queryset  # staff preview; the template shows a "hidden from the public" banner
        return queryset.listed()

    list_url_name = ""

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            hidden = self.no_longer_listed(request, kwargs.get("slug"))
            if hidden is None:
                raise
            return hidden
        if not self.object.is_listed:
            add_never_cache_headers(response)  # a preview must never reach a shared cache
        return response

    def no_longer_listed(self, request, slug):
        """A page staff hid after readers could see it: say so, with where to look instead (still a 404)."""
        model = self.queryset.model
        hidden = model.objects.filter(slug=slug, is_listed=False).first()
        if hidden is None or not hidden.history.filter(is_listed=True).exists():
            return None  # never public: its name is not for readers
        context = {
            "item": hidden,
            "kind": model._meta.verbose_name,
            "list_url": reverse(self.list_url_name),
            "search_url": f"{reverse('search')}?{urlencode({'q': hidden.name})}",
            "meta": {"title": _("%(name)s is no longer listed") % {"name": hidden.name}, "description": ""},
        }
        return render(request, "conditions/no_longer_listed.html", context, status=404)


class ConditionListView(PageMetaMixin, ListView):
    meta_title = gettext_lazy("Conditions we treat")
    meta_description = gettext_lazy(
        "The conditions ketamine treatment may help, grouped, with how strong the evidence is for each."
    )

    def get_breadcrumbs(self):
        return [(pgettext("breadcrumb", "Conditions"), reverse("conditions:list"))]

    def get_page_nodes(self, absolute):
        return collection_page(reverse("conditions:list"), self.meta_title, self.meta_description, absolute)

    def get_queryset(self):
        return Condition.objects.listed().in_page_language()

    def get_context_data(self, **kwargs):
        return super().get_context_data(evidence_levels=EVIDENCE_IN_PLAIN_WORDS.values(), **kwargs)


class ConditionDetailView(TranslatedPageMixin, StaffPreviewMixin, PageMetaMixin, DetailView):
    queryset = Condition.objects.for_page()
    preview_permission = "conditions.change_condition"
    list_url_name = "conditions:list"

    def get_meta(self):
        section = pgettext("section of the site", "Conditions")
        return {"title": self.object.name, "description": self.object.summary, "section": section}

    def get_breadcrumbs(self):
        return [
            (pgettext("breadcrumb", "Conditions"), reverse("conditions:list")),
            (self.object.name, self.object.get_absolute_url()),
        ]

    def get_page_nodes(self, absolute):
        routes = [link.route for link in self.object.listed_route_links]
        return condition_nodes(self.object, routes, absolute)

    related_count = 10

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=ConditionSections(self.object, self.related_count), **kwargs)


class ConditionSections:
    """A condition page's safety items, sources and related articles, read when the template first asks for
    them: inside their cached blocks, so only when one of them renders."""

    def __init__(self, condition, related_count):
        self.condition = condition
        self.related_count = related_count

    @property
    def _safety(self):
        # Two cached blocks read it (the first screen's pointer and the list): each records what it shows.
        safety, tags = self._safety_and_its_tags
        cache_tags.shows(*tags)
        return safety

    @cached_property
    def _safety_and_its_tags(self):
        with cache_tags.collecting() as tags:
            # What applies follows the routes: every listed contraindication, under the condition's routes.
            contraindications = list(Contraindication.objects.listed().marking_extras_of(self.condition))
            attach_route_ids(contraindications)
            attach_citations([self.condition], contraindications)
            for link in self.condition.listed_route_links:  # loaded with the page: their names show here too
                cache_tags.shows_object(link)
                cache_tags.shows_object(link.route)
            return self.condition.safety_by_route(contraindications), frozenset(tags)

    @cached_property
    def _articles(self):
        # Articles name their conditions; the reverse manager has Article's published(). A bounded list with
        # only what it shows, and one row more to know whether to link to all of them. It is a list: an
        # article newly about this condition, or published, changes it (infrastructure/cache_tags.py).
        cache_tags.shows_list(self.condition.articles.model)
        return list(
            self.condition.articles.published().only("title", "slug", "dek", "published_at")[
                : self.related_count + 1
            ]
        )

    def __getitem__(self, name):
        if name in ("safety_for_all", "safety_by_route", "safety_extra"):
            return self._safety[("safety_for_all", "safety_by_route", "safety_extra").index(name)]
        if name == "citations":
            self._safety  # noqa: B018 (it attaches the condition's citations)
            return self.condition.citation_list
        if name == "articles":
            return self._articles[: self.related_count]
        if name == "more_articles":
            return len(self._articles) > self.related_count
        raise KeyError(name)


class RouteListView(PageMetaMixin, ListView):
    meta_title = gettext_lazy("Treatment routes compared")
    meta_description = gettext_lazy(
        "The ways ketamine and esketamine are given, compared side by side: dose, session length, schedule, "
        "observation, setting and FDA status."
    )

    def get_breadcrumbs(self):
        return [(pgettext("breadcrumb", "Treatments"), reverse("conditions:route_list"))]

    def get_page_nodes(self, absolute):
        page = collection_page(
            reverse("conditions:route_list"), self.meta_title, self.meta_description, absolute
        )
        return page + [therapy_reference(route, absolute) for route in self.object_list]

    def get_queryset(self):
        return AdministrationRoute.objects.listed().in_page_language()

    def get_context_data(self, **kwargs):
        # One row per fact, one column per route: zip turns each route's (label, value) list sideways.
        facts_per_route = [route.comparison_facts() for route in self.object_list]
        rows = [(pairs[0][0], [value for _, value in pairs]) for pairs in zip(*facts_per_route, strict=True)]
        return super().get_context_data(comparison_rows=rows, **kwargs)


class RouteDetailView(TranslatedPageMixin, StaffPreviewMixin, PageMetaMixin, DetailView):
    queryset = AdministrationRoute.objects.for_page()
    context_object_name = "route"
    preview_permission = "conditions.change_administrationroute"
    list_url_name = "conditions:route_list"

    def get_meta(self):
        section = pgettext("section of the site", "Treatments")
        return {"title": self.object.name, "description": self.object.summary, "section": section}

    def get_breadcrumbs(self):
        return [
            (pgettext("breadcrumb", "Treatments"), reverse("conditions:route_list")),
            (self.object.name, self.object.get_absolute_url()),
        ]

    def get_page_nodes(self, absolute):
        return route_nodes(self.object, self.contraindications, absolute)

    def get_context_data(self, **kwargs):
        # Read every time: the page's structured data names them too.
        self.contraindications = list(Contraindication.objects.listed().for_route(self.object))
        return super().get_context_data(sections=RouteSections(self.object, self.contraindications), **kwargs)


class RouteSections:
    """A route page's safety items and sources, read when the template first asks for them: inside their
    cached block, so only when it renders."""

    def __init__(self, route, contraindications):
        self.route = route
        self.contraindications = contraindications

    @cached_property
    def _lists(self):
        contraindications = self.contraindications
        # Loaded with the page, outside the block: what they are, and which apply, counts for it too.
        cache_tags.shows_list(Contraindication)
        for contraindication in contraindications:
            cache_tags.shows_object(contraindication)
        interactions = list(Interaction.objects.listed().for_route(self.route))
        attach_citations([self.route], contraindications, interactions)
        return {
            "contraindications": contraindications,
            "interactions": interactions,
            "citations": self.route.citation_list,
        }

    def __getitem__(self, name):
        return self._lists[name]


class SafetyView(PageMetaMixin, TemplateView):
    template_name = "conditions/safety.html"
    meta_title = gettext_lazy("Safety: is ketamine treatment right for me?")
    meta_description = gettext_lazy(
        "Who ketamine treatment may suit, who it does not, and which health conditions need careful "
        "evaluation first."
    )

    def get_breadcrumbs(self):
        return [(pgettext("breadcrumb", "Safety"), reverse("conditions:safety"))]

    def get_page_nodes(self, absolute):
        path = reverse("conditions:safety")
        page = structured_data.web_page(
            "MedicalWebPage", path, self.meta_title, self.meta_description, absolute,
            audience={"@type": "Patient"}, breadcrumb={"@id": absolute(path) + "#breadcrumb"},
        )  # fmt: skip
        return [page]

    def get_context_data(self, **kwargs):
        return super().get_context_data(safety=SafetyLists(), **kwargs)


class SafetyLists:
    """The safety page's lists, read when the template first asks: inside its cached block, on a miss only."""

    @cached_property
    def _lists(self):
        contraindications = list(Contraindication.objects.listed())
        interactions = list(Interaction.objects.listed())
        attach_route_ids(contraindications, interactions)
        attach_citations(contraindications, interactions)
        # Each item links to the routes it names that the public may see, in the routes' order.
        routes = AdministrationRoute.objects.listed().only("name", "slug", "short_name")
        for item in [*contraindications, *interactions]:
            item.listed_routes = [route for route in routes if route.pk in item.route_ids]
        return {
            "absolute": [c for c in contraindications if c.kind == ContraindicationKind.ABSOLUTE],
            "relative": [c for c in contraindications if c.kind == ContraindicationKind.RELATIVE],
            "candidates": list(CandidateProfile.objects.listed()),
            "interactions": interactions,
        }

    def __getitem__(self, name):
        return self._lists[name]


PRESCREEN_TITLE = gettext_lazy("Pre-screen: is ketamine treatment right for me?")
# Every answer page is padded to a multiple of this, so its size, which access logs record, says nothing.
PRESCREEN_ANSWER_BYTES = 64 * 1024


# Answers are health information: sent by POST only, never stored, logged, cached or put in a URL.
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def safety_check(request):
    questions = {
        "contraindications": Contraindication.objects.listed(),
        "interactions": Interaction.objects.listed(),
    }
    if request.method == "POST":
        request.log_timing = False  # how long the answer took could hint at the answers: the log says nothing
        form = PrescreenForm(request.POST, **questions)
        findings = form.findings() if form.is_valid() else None
    else:
        form = PrescreenForm(**questions)
        findings = None
    meta = {
        "title": _("Your pre-screen result") if findings is not None else str(PRESCREEN_TITLE),
        "description": _(
            "A short, private pre-screen: questions to think about before talking with a clinician about "
            "ketamine treatment."
        ),
    }
    context = {"form": form, "findings": findings, "meta": meta}
    response = render(request, "conditions/safety_check.html", context)
    if request.method == "POST":
        _pad_to_fixed_size(response)
    return response


def _pad_to_fixed_size(response):
    size = len(response.content)
    target = -(-(size + 16) // PRESCREEN_ANSWER_BYTES) * PRESCREEN_ANSWER_BYTES
    # A comment after </html> is valid HTML; no-transform asks proxies not to compress the padding away.
    response.content += b"<!--" + b" " * (target - size - 8) + b"-->\n"
    patch_cache_control(response, no_transform=True)
