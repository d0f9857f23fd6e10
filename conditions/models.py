from decimal import Decimal

from django.db import models
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from domain.models import InPageLanguageQuerySet, Reviewed, ReviewedQuerySet, citations_field, reviewer_field
from domain.richtext import RichText, RichTextMixin
from domain.translations import Translation, overlay, translated
from infrastructure import cache_tags
from infrastructure.addresses import slug_url


class Evidence(models.TextChoices):
    ESTABLISHED = "established", _("Established")
    EMERGING = "emerging", _("Emerging")
    INVESTIGATIONAL = "investigational", _("Investigational")


# What each strength of evidence means, in words a patient understands; shown beside every condition.
EVIDENCE_IN_PLAIN_WORDS = {
    Evidence.ESTABLISHED: (
        _("Strong evidence"),
        _("Tested in several randomized clinical trials, with consistent results."),
    ),
    Evidence.EMERGING: (
        _("Early evidence"),
        _("Some clinical trials show benefit; more research is needed."),
    ),
    Evidence.INVESTIGATIONAL: (
        _("Being studied"),
        _("Only small or early studies so far; the benefit is not yet proven."),
    ),
}


class RegulatoryStatus(models.TextChoices):
    FDA_APPROVED = "fda_approved", _("FDA-approved")
    OFF_LABEL = "off_label", _("Off-label")
    NOT_APPROVED = "not_approved", _("Not FDA-approved")


REGULATORY_STATUS_IN_PLAIN_WORDS = {
    RegulatoryStatus.FDA_APPROVED: _(
        "The U.S. Food and Drug Administration has approved this medicine for the uses on its label, "
        "after reviewing clinical trials of its safety and benefit."
    ),
    RegulatoryStatus.OFF_LABEL: _(
        "The medicine is FDA-approved for another use (anesthesia), not for mental health conditions. "
        "Doctors may legally prescribe it off-label when they judge it right for a patient."
    ),
    # The FDA's October 2023 warning on compounded ketamine: troches and lozenges are unapproved drugs.
    RegulatoryStatus.NOT_APPROVED: _(
        "Compounded ketamine products, such as troches and lozenges, are not FDA-approved: the FDA has not "
        "reviewed their safety, effectiveness or quality, and they are not covered by a REMS safety program."
    ),
}


# schema.org's administrationRoute values; a route's structured data names its own, whatever its slug.
class RouteOfAdministration(models.TextChoices):
    INTRAVENOUS = "intravenous", _("Intravenous")
    INTRANASAL = "intranasal", _("Intranasal")
    SUBLINGUAL = "sublingual", _("Sublingual")
    ORAL = "oral", _("Oral")
    INTRAMUSCULAR = "intramuscular", _("Intramuscular")


class ContraindicationKind(models.TextChoices):
    ABSOLUTE = "absolute", _("Absolute: not a candidate")
    RELATIVE = "relative", _("Relative: needs careful evaluation")


class DoseBasis(models.TextChoices):
    PER_KG = "per_kg", _("Per kg of body weight")
    FIXED = "fixed", _("Fixed dose")


class Severity(models.TextChoices):
    SERIOUS = "serious", _("Serious: avoid, or only with close monitoring")
    MODERATE = "moderate", _("Moderate: tell your clinician; may need monitoring")


class ListedQuerySet(InPageLanguageQuerySet):
    def listed(self):
        """Return what the public may see: rows staff have not hidden."""
        cache_tags.shows_list(self.model)  # a page listing them changes when one is added or hidden
        return self.filter(is_listed=True)


class ReviewedListedQuerySet(ReviewedQuerySet, ListedQuerySet):
    pass


class ConditionGroup(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=0, help_text=_("Lower numbers come first."))

    objects = InPageLanguageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class ConditionQuerySet(ReviewedListedQuerySet):
    def listed(self):
        """Return conditions the public may see, in staff's order within their groups."""
        # group__name and group_id keep each group's conditions together when two groups share an order.
        cache_tags.shows_list(self.model)
        return (
            self.filter(is_listed=True)
            .select_related("group")
            .order_by("group__order", "group__name", "group_id", "order", "name")
        )

    def for_page(self):
        """Return conditions with their page's listed routes and the sources of their grade prefetched."""
        return (
            self.select_related("group")
            .prefetch_related(
                models.Prefetch(
                    "route_links",
                    queryset=ConditionRoute.objects.filter(route__is_listed=True).select_related("route"),
                    to_attr="listed_route_links",
                ),
                "evidence_sources",
            )
            .select_related("reviewer")
        )


class Condition(RichTextMixin, Reviewed):
    name = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150, unique=True, help_text=_("The last part of the page address, /conditions/…/.")
    )
    group = models.ForeignKey(ConditionGroup, on_delete=models.PROTECT, related_name="conditions")
    summary = models.TextField(help_text=_("One or two plain sentences, shown in lists and search results."))
    description = models.TextField(
        blank=True, help_text=_("The full explanation; cleaned of unsafe HTML on save.")
    )
    evidence = models.CharField(
        _("strength of evidence"), max_length=20, choices=Evidence, default=Evidence.EMERGING
    )
    routes = models.ManyToManyField(
        "AdministrationRoute", through="ConditionRoute", related_name="conditions", blank=True
    )
    evidence_sources = models.ManyToManyField(
        "clinic.Source", blank=True, related_name="+", verbose_name=_("basis of the evidence grade"),
        help_text=_("The trials or reviews that justify the strength of evidence; shown beside the grade."),
    )  # fmt: skip
    contraindications = models.ManyToManyField(
        "Contraindication", blank=True, related_name="conditions",
        verbose_name=_("extra contraindications"),
        help_text=_("Only those specific to this condition: the page already shows every contraindication of "
        "the routes it is treated with."),
    )  # fmt: skip
    is_listed = models.BooleanField(
        _("listed"), default=True, help_text=_("Untick to hide it everywhere on the site.")
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order within its group; lower comes first.")
    )
    reviewer = reviewer_field()
    citations = citations_field()
    show_crisis_help = models.BooleanField(
        default=False,
        help_text=_(
            "Show the crisis box (the site profile's crisis line) on this page and on every article "
            "related to this condition."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConditionQuerySet.as_manager()
    history = HistoricalRecords()
    description_html = RichText("description")
    review_fields = ("name", "summary", "description", "evidence")

    class Meta:
        ordering = ["group__order", "order", "name"]
        indexes = [models.Index(fields=["is_listed", "group", "order"], name="condition_listing_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("conditions:detail", self.slug)

    @property
    def evidence_heading(self):
        return EVIDENCE_IN_PLAIN_WORDS[self.evidence][0]

    @property
    def evidence_explained(self):
        return EVIDENCE_IN_PLAIN_WORDS[self.evidence][1]

    def safety_by_route(self, contraindications):
        """Return (for_all_routes, [(route, its own contraindications)], extra) for this condition's page.

        contraindications: every listed contraindication, with route_ids (attach_route_ids) and is_extra
        (marking_extras_of(self)); what applies follows the routes, so a change to a route's list shows here.
        """
        routes = [link.route for link in self.listed_route_links]
        for_all = [c for c in contraindications if c.applies_to_every_route] if routes else []
        by_route = [(route, [c for c in contraindications if route.pk in c.route_ids]) for route in routes]
        shown = {c.pk for c in for_all} | {c.pk for _, items in by_route for c in items}
        extra = [c for c in contraindications if c.is_extra and c.pk not in shown]
        return for_all, [(route, items) for route, items in by_route if items], extra


class AdministrationRouteQuerySet(ReviewedListedQuerySet):
    def for_page(self):
        """Return routes with the listed conditions they are used for prefetched, in the conditions' order."""
        links = (
            ConditionRoute.objects.filter(condition__is_listed=True)
            .select_related("condition")
            .order_by("condition__group__order", "condition__order", "condition__name")
        )
        return self.prefetch_related(
            models.Prefetch("condition_links", queryset=links, to_attr="listed_condition_links")
        ).select_related("reviewer")


class AdministrationRoute(RichTextMixin, Reviewed):
    """A way of giving ketamine or esketamine; its structured facts drive the comparison table."""

    name = models.CharField(max_length=120)
    short_name = models.CharField(
        max_length=40, help_text=_("Used as a table column heading, e.g. 'IV infusion'.")
    )
    slug = models.SlugField(
        max_length=120, unique=True, help_text=_("The last part of the page address, /treatments/…/.")
    )
    summary = models.TextField(help_text=_("One or two plain sentences."))
    medication = models.CharField(
        max_length=120, help_text=_("e.g. Racemic ketamine; Esketamine (Spravato).")
    )
    route_of_administration = models.CharField(
        max_length=20,
        choices=RouteOfAdministration,
        blank=True,
        help_text=_(
            "How the medicine enters the body, for search engines; left blank, the short name is used."
        ),
    )
    regulatory_status = models.CharField(max_length=20, choices=RegulatoryStatus)
    dose_min = models.DecimalField(
        _("lowest usual dose"), max_digits=7, decimal_places=2, help_text=_("A number, e.g. 0.5 or 56.")
    )
    dose_max = models.DecimalField(
        _("highest usual dose"),
        max_digits=7,
        decimal_places=2,
        help_text=_("The same as the lowest for one dose."),
    )
    dose_is_choice = models.BooleanField(
        _("either dose, nothing between"), default=False,
        help_text=_("Tick when the dose is the lowest or the highest only (esketamine: 56 or 84 mg)."),
    )  # fmt: skip
    dose_unit = models.CharField(max_length=20, default="mg", help_text=_("The unit of the amount, e.g. mg."))
    dose_basis = models.CharField(max_length=10, choices=DoseBasis, default=DoseBasis.FIXED)
    dose_note = models.CharField(
        max_length=300, blank=True, help_text=_("e.g. 'given over about 40 minutes'.")
    )
    session_length = models.CharField(max_length=120)
    schedule_induction = models.CharField(_("schedule: first weeks"), max_length=250)
    schedule_maintenance = models.CharField(_("schedule: afterwards"), max_length=250, blank=True)
    observation_period = models.CharField(_("observation after a dose"), max_length=150)
    setting = models.CharField(
        max_length=200, help_text=_("Where it is given, e.g. certified treatment center.")
    )
    monitoring = models.CharField(max_length=250)
    onset = models.CharField(_("usual onset"), max_length=150)
    requirements = models.CharField(
        max_length=250, blank=True, help_text=_("e.g. taken with an oral antidepressant.")
    )
    emergency_signs = models.TextField(
        _("call 911 for"), blank=True,
        help_text=_("One sign per line that needs emergency help (911) after a dose, e.g. 'chest pain'."),
    )  # fmt: skip
    call_clinic_signs = models.TextField(
        _("call the clinic for"),
        blank=True,
        help_text=_("One problem per line that is not urgent but needs a call."),
    )
    description = models.TextField(
        blank=True, help_text=_("The full explanation; cleaned of unsafe HTML on save.")
    )
    is_listed = models.BooleanField(_("listed"), default=True)
    order = models.PositiveSmallIntegerField(default=0)
    reviewer = reviewer_field()
    citations = citations_field()
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdministrationRouteQuerySet.as_manager()
    history = HistoricalRecords()
    description_html = RichText("description")
    review_fields = (
        "name", "summary", "medication", "regulatory_status", "dose_min", "dose_max", "dose_is_choice",
        "dose_unit", "dose_basis",
        "dose_note", "session_length", "schedule_induction", "schedule_maintenance", "observation_period",
        "setting", "monitoring", "onset", "requirements", "emergency_signs", "call_clinic_signs",
        "description",
    )  # fmt: skip

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("treatment route")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("conditions:route_detail", self.slug)

    @property
    def dose_display(self):
        amount = _number(self.dose_min)
        if self.dose_max is not None and self.dose_max != self.dose_min:
            # Two doses to choose from, or a range.
            between = (
                gettext("%(low)s or %(high)s") if self.dose_is_choice else gettext("%(low)s to %(high)s")
            )
            amount = between % {"low": amount, "high": _number(self.dose_max)}
        unit = f"{self.dose_unit}/kg" if self.dose_basis == DoseBasis.PER_KG else self.dose_unit
        return f"{amount} {unit}"

    def dose_in_range(self, amount, unit, per_kg):
        """Return whether a dose a text states (amount in unit, per kg or not) lies in this route's range."""
        if unit != self.dose_unit or per_kg != (self.dose_basis == DoseBasis.PER_KG):
            return True  # another unit or basis: not comparable, so not flagged
        if self.dose_is_choice:
            return amount in (self.dose_min, self.dose_max)
        return self.dose_min <= amount <= self.dose_max

    @property
    def emergency_sign_list(self):
        return [line.strip() for line in self.emergency_signs.splitlines() if line.strip()]

    @property
    def call_clinic_sign_list(self):
        return [line.strip() for line in self.call_clinic_signs.splitlines() if line.strip()]

    @property
    def regulatory_status_explained(self):
        return REGULATORY_STATUS_IN_PLAIN_WORDS[self.regulatory_status]

    def comparison_facts(self):
        """Return (label, value) pairs for the comparison table and the route page, in reading order."""
        return [
            (gettext("Medication"), self.medication),
            (gettext("Regulatory status"), self.get_regulatory_status_display()),
            (gettext("Typical dose"), self.dose_display),
            (gettext("About the dose"), self.dose_note or gettext("As your prescriber decides")),
            (gettext("Session length"), self.session_length),
            (gettext("Schedule: first weeks"), self.schedule_induction),
            (
                gettext("Schedule: afterwards"),
                self.schedule_maintenance or gettext("Decided with your clinician"),
            ),
            (gettext("Observation after a dose"), self.observation_period),
            (gettext("Setting"), self.setting),
            (gettext("Monitoring"), self.monitoring),
            (gettext("Usual onset"), self.onset),
            (gettext("Requirements"), self.requirements or gettext("None beyond the usual assessment")),
        ]


class EmergencyAdvice:
    """The emergency advice of several routes as one box (an article's): each sign once, in route order."""

    slug = "treatment"

    def __init__(self, routes):
        self.routes = list(routes)
        or_ = pgettext("between route names", "or")  # outside the f-string, where makemessages finds it
        self.short_name = f" {or_} ".join(route.short_name for route in self.routes)
        self.emergency_sign_list = list(dict.fromkeys(s for r in self.routes for s in r.emergency_sign_list))
        self.call_clinic_sign_list = list(
            dict.fromkeys(s for r in self.routes for s in r.call_clinic_sign_list)
        )

    def __bool__(self):
        return bool(self.emergency_sign_list or self.call_clinic_sign_list)


class ConditionRoute(models.Model):
    """That a route is used for a condition, with a note such as which route is FDA-approved for it."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="route_links")
    route = models.ForeignKey(AdministrationRoute, on_delete=models.CASCADE, related_name="condition_links")
    note = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "route__order"]
        verbose_name = _("treatment route for this condition")
        verbose_name_plural = _("treatment routes for this condition")
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "route"],
                name="condition_route_unique",
                violation_error_message="This treatment route is already linked to this condition.",
            )
        ]

    def __str__(self):
        return f"{self.route} for {self.condition}"


class RouteScopedQuerySet(ReviewedListedQuerySet):
    """Safety items (contraindications, interactions) that name the routes they apply to; none means all."""

    def for_route(self, route):
        """Return the items that apply to route: those naming it, and those naming no route (all)."""
        return self.filter(models.Q(routes=route) | models.Q(routes__isnull=True)).distinct()


class ContraindicationQuerySet(RouteScopedQuerySet):
    def marking_extras_of(self, condition):
        """Return these contraindications with is_extra: whether condition names them as its own."""
        extras = Condition.contraindications.through.objects.filter(
            condition=condition, contraindication=models.OuterRef("pk")
        )
        return self.annotate(is_extra=models.Exists(extras))


def attach_route_ids(*item_lists):
    """Set route_ids on each contraindication or interaction: the ids of every route it names, listed or not.

    One query for the links of every kind, where prefetching routes costs a query of full route rows per kind.
    """
    by_model = {}
    for item in (item for item_list in item_lists for item in item_list):
        item.route_ids = set()
        by_model.setdefault(type(item), {})[item.pk] = item
    if not by_model:
        return
    links = [_route_links(kind, model, list(items)) for kind, (model, items) in enumerate(by_model.items())]
    items_by_kind = list(by_model.values())
    for kind, item_id, route_id in links[0].union(*links[1:], all=True) if len(links) > 1 else links[0]:
        items_by_kind[kind][item_id].route_ids.add(route_id)


def _route_links(kind, model, pks):
    column = f"{model._meta.model_name}_id"  # the link table's column for the item, e.g. interaction_id
    return model.routes.through.objects.filter(**{f"{column}__in": pks}).values_list(
        models.Value(kind), column, "administrationroute_id"
    )


class ScreeningItem(Reviewed):
    """A safety item the pre-screen asks about: a contraindication or an interacting medicine.

    It names the routes it applies to; none means every route (RouteScopedQuerySet.for_route, and
    applies_to_every_route once attach_route_ids has run).
    """

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    routes = models.ManyToManyField(
        AdministrationRoute, blank=True, related_name="%(class)ss",
        help_text=_("Leave empty when it applies to every route."),
    )  # fmt: skip
    screening_question = models.CharField(
        max_length=250, help_text=_("A plain yes/no question for the pre-screen, addressed to the reader.")
    )
    # Each item answers "not sure" in its own words: pregnancy needs a test, a medicine needs its name.
    unsure_advice = models.TextField(
        _('advice for a "not sure"'),
        help_text=_('What the pre-screen tells a reader who answers "not sure", e.g. how to find out.'),
    )
    is_listed = models.BooleanField(_("listed"), default=True)
    order = models.PositiveSmallIntegerField(default=0)
    reviewer = reviewer_field()
    citations = citations_field()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def applies_to_every_route(self):
        # Must agree with RouteScopedQuerySet.for_route: naming no route means every route.
        return not self.route_ids


class Contraindication(ScreeningItem):
    kind = models.CharField(max_length=20, choices=ContraindicationKind)
    explanation = models.TextField(help_text=_("Plain words: why it matters and what happens next."))
    advice = models.TextField(
        _("advice for a yes"),
        help_text=_("What the pre-screen tells a reader who answers yes: this item's own next step."),
    )

    objects = ContraindicationQuerySet.as_manager()
    history = HistoricalRecords()
    review_fields = ("name", "kind", "explanation", "screening_question", "advice", "unsure_advice")

    class Meta:
        ordering = ["kind", "order", "name"]

    @property
    def is_absolute(self):
        return self.kind == ContraindicationKind.ABSOLUTE


class Interaction(ScreeningItem):
    """A medicine or class that interacts with ketamine or esketamine; one pre-screen question."""

    name = models.CharField(
        max_length=150, help_text=_("The medicine or class, e.g. 'Opioid pain medicines'.")
    )
    examples = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Common names a patient would recognize, e.g. oxycodone, morphine."),
    )
    effect = models.TextField(
        help_text=_("What it does together with ketamine or esketamine, in plain words.")
    )
    severity = models.CharField(_("how serious"), max_length=20, choices=Severity)
    advice = models.TextField(
        _("what to do"),
        help_text=_(
            "What the reader should do, in plain words; the pre-screen also shows it to a reader who "
            "answers yes."
        ),
    )

    objects = RouteScopedQuerySet.as_manager()
    history = HistoricalRecords()
    review_fields = (
        "name",
        "examples",
        "effect",
        "severity",
        "advice",
        "screening_question",
        "unsure_advice",
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("medicine interaction")

    @property
    def is_serious(self):
        return self.severity == Severity.SERIOUS


class CandidateProfile(models.Model):
    """Who is typically a candidate, e.g. treatment-resistant depression; shown on the safety page."""

    title = models.CharField(max_length=150)
    description = models.TextField()
    is_listed = models.BooleanField(_("listed"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ListedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("typical candidate")

    def __str__(self):
        return self.title


def _number(value):
    """Return a Decimal as a reader writes it: 0.5, 56, not 0.50 or 56.00."""
    if value is None:
        return ""
    normalized = value.normalize() if isinstance(value, Decimal) else value
    return f"{normalized:f}" if isinstance(normalized, Decimal) else str(normalized)


def _once_per_language(name):
    return [models.UniqueConstraint(fields=["original", "language"], name=name)]


@translated
class ConditionGroupTranslation(Translation):
    original = models.ForeignKey(ConditionGroup, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=150)

    review_fields = ("name",)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("condition group translation")
        constraints = _once_per_language("conditiongroup_translation_once")


@translated
class ConditionTranslation(RichTextMixin, Translation):
    original = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=200)
    summary = models.TextField()
    description = models.TextField(blank=True)
    route_notes = models.JSONField(
        _("notes on its routes"),
        default=dict,
        blank=True,
        help_text=_(
            'Each route\'s note in this language, by the route\'s slug: {"iv-ketamine-infusion": "…"}.'
        ),
    )

    review_fields = ("name", "summary", "description", "route_notes")
    history = HistoricalRecords()
    description_html = RichText("description")

    class Meta:
        verbose_name = _("condition translation")
        constraints = _once_per_language("condition_translation_once")

    def apply(self, original):
        # The notes belong to the condition's links to its routes, loaded with the page, as are the routes.
        links = original.__dict__.get("listed_route_links") or ()
        for link in links:
            note = (self.route_notes or {}).get(link.route.slug)
            if note:
                link.note = note
        overlay([link.route for link in links if getattr(link.route, "shown_language", None) is None])
        return super().apply(original)


@translated
class AdministrationRouteTranslation(RichTextMixin, Translation):
    original = models.ForeignKey(AdministrationRoute, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=400)
    short_name = models.CharField(max_length=60, blank=True)
    summary = models.TextField()
    medication = models.CharField(max_length=400, blank=True)
    dose_note = models.CharField(max_length=400, blank=True)
    session_length = models.CharField(max_length=400)
    schedule_induction = models.CharField(_("schedule: first weeks"), max_length=400)
    schedule_maintenance = models.CharField(_("schedule: afterwards"), max_length=400, blank=True)
    observation_period = models.CharField(_("observation after a dose"), max_length=400)
    setting = models.CharField(max_length=400)
    monitoring = models.CharField(max_length=400)
    onset = models.CharField(_("usual onset"), max_length=400)
    requirements = models.CharField(max_length=400, blank=True)
    emergency_signs = models.TextField(blank=True)
    call_clinic_signs = models.TextField(blank=True)
    description = models.TextField(blank=True)

    review_fields = (
        "name", "short_name", "summary", "medication", "dose_note", "session_length", "schedule_induction",
        "schedule_maintenance", "observation_period", "setting", "monitoring", "onset", "requirements",
        "emergency_signs", "call_clinic_signs", "description",
    )  # fmt: skip
    history = HistoricalRecords()
    description_html = RichText("description")

    class Meta:
        verbose_name = _("treatment route translation")
        constraints = _once_per_language("route_translation_once")


@translated
class ContraindicationTranslation(Translation):
    original = models.ForeignKey(Contraindication, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=150)
    explanation = models.TextField()
    screening_question = models.CharField(max_length=400)
    advice = models.TextField()
    unsure_advice = models.TextField(blank=True)

    review_fields = ("name", "explanation", "screening_question", "advice", "unsure_advice")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contraindication translation")
        constraints = _once_per_language("contraindication_translation_once")


@translated
class InteractionTranslation(Translation):
    original = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=150)
    examples = models.CharField(max_length=400, blank=True)
    effect = models.TextField()
    advice = models.TextField()
    screening_question = models.CharField(max_length=400)
    unsure_advice = models.TextField(blank=True)

    review_fields = ("name", "examples", "effect", "advice", "screening_question", "unsure_advice")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interaction translation")
        constraints = _once_per_language("interaction_translation_once")


@translated
class CandidateProfileTranslation(Translation):
    original = models.ForeignKey(CandidateProfile, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=150)
    description = models.TextField()

    review_fields = ("title", "description")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("typical candidate translation")
        constraints = _once_per_language("candidate_translation_once")
