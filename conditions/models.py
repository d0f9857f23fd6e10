from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from clinic.core.richtext import RichText, RichTextMixin


class Evidence(models.TextChoices):
    ESTABLISHED = "established", "Established"
    EMERGING = "emerging", "Emerging"
    INVESTIGATIONAL = "investigational", "Investigational"


# What each strength of evidence means, in words a patient understands; shown beside every condition.
EVIDENCE_IN_PLAIN_WORDS = {
    Evidence.ESTABLISHED: (
        "Strong evidence",
        "Tested in several randomized clinical trials, with consistent results.",
    ),
    Evidence.EMERGING: (
        "Early evidence",
        "Some clinical trials show benefit; more research is needed.",
    ),
    Evidence.INVESTIGATIONAL: (
        "Being studied",
        "Only small or early studies so far; the benefit is not yet proven.",
    ),
}


class RegulatoryStatus(models.TextChoices):
    FDA_APPROVED = "fda_approved", "FDA-approved"
    OFF_LABEL = "off_label", "Off-label"


REGULATORY_STATUS_IN_PLAIN_WORDS = {
    RegulatoryStatus.FDA_APPROVED: (
        "The U.S. Food and Drug Administration has approved this medicine for the uses on its label, "
        "after reviewing clinical trials of its safety and benefit."
    ),
    RegulatoryStatus.OFF_LABEL: (
        "The medicine is FDA-approved for another use (anesthesia), not for mental health conditions. "
        "Doctors may legally prescribe it off-label when they judge it right for a patient."
    ),
}


# schema.org's administrationRoute values; a route's structured data names its own, whatever its slug.
class RouteOfAdministration(models.TextChoices):
    INTRAVENOUS = "intravenous", "Intravenous"
    INTRANASAL = "intranasal", "Intranasal"
    SUBLINGUAL = "sublingual", "Sublingual"
    ORAL = "oral", "Oral"
    INTRAMUSCULAR = "intramuscular", "Intramuscular"


class ContraindicationKind(models.TextChoices):
    ABSOLUTE = "absolute", "Absolute: not a candidate"
    RELATIVE = "relative", "Relative: needs careful evaluation"


class ListedQuerySet(models.QuerySet):
    def listed(self):
        """Return what the public may see: rows staff have not hidden."""
        return self.filter(is_listed=True)


class ConditionGroup(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class ConditionQuerySet(ListedQuerySet):
    def listed(self):
        """Return conditions the public may see, in staff's order within their groups."""
        # group__name and group_id keep each group's conditions together when two groups share an order.
        return (
            self.filter(is_listed=True)
            .select_related("group")
            .order_by("group__order", "group__name", "group_id", "order", "name")
        )

    def for_page(self):
        """Return conditions with their page's listed routes and contraindications prefetched."""
        return self.select_related("group").prefetch_related(
            models.Prefetch(
                "route_links",
                queryset=ConditionRoute.objects.filter(route__is_listed=True).select_related("route"),
                to_attr="listed_route_links",
            ),
            models.Prefetch(
                "contraindications",
                queryset=Contraindication.objects.listed(),
                to_attr="listed_contraindications",
            ),
        )


class Condition(RichTextMixin, models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150, unique=True, help_text="The last part of the page address, /conditions/…/."
    )
    group = models.ForeignKey(ConditionGroup, on_delete=models.PROTECT, related_name="conditions")
    summary = models.TextField(help_text="One or two plain sentences, shown in lists and search results.")
    description = models.TextField(
        blank=True, help_text="The full explanation; cleaned of unsafe HTML on save."
    )
    evidence = models.CharField(
        "strength of evidence", max_length=20, choices=Evidence, default=Evidence.EMERGING
    )
    routes = models.ManyToManyField(
        "AdministrationRoute", through="ConditionRoute", related_name="conditions", blank=True
    )
    contraindications = models.ManyToManyField(
        "Contraindication", blank=True, related_name="conditions",
        help_text="The contraindications worth naming on this condition's page.",
    )  # fmt: skip
    is_listed = models.BooleanField(
        "listed", default=True, help_text="Untick to hide it everywhere on the site."
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Order within its group; lower comes first."
    )
    last_reviewed = models.DateField(null=True, blank=True)
    reviewed_by = models.CharField(
        max_length=150, blank=True, help_text="Name and credentials, e.g. 'Dana Whitfield, MD'."
    )
    show_crisis_help = models.BooleanField(
        default=False,
        help_text="Show the 988 crisis box on this page and on every article related to this condition.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConditionQuerySet.as_manager()
    history = HistoricalRecords()
    description_html = RichText("description")

    class Meta:
        ordering = ["group__order", "order", "name"]
        indexes = [models.Index(fields=["is_listed", "group", "order"], name="condition_listing_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("conditions:detail", kwargs={"slug": self.slug})

    @property
    def evidence_heading(self):
        return EVIDENCE_IN_PLAIN_WORDS[self.evidence][0]

    @property
    def evidence_explained(self):
        return EVIDENCE_IN_PLAIN_WORDS[self.evidence][1]


class AdministrationRouteQuerySet(ListedQuerySet):
    def for_page(self):
        """Return routes with the listed conditions they are used for prefetched, in the conditions' order."""
        links = (
            ConditionRoute.objects.filter(condition__is_listed=True)
            .select_related("condition")
            .order_by("condition__group__order", "condition__order", "condition__name")
        )
        return self.prefetch_related(
            models.Prefetch("condition_links", queryset=links, to_attr="listed_condition_links")
        )


class AdministrationRoute(RichTextMixin, models.Model):
    """A way of giving ketamine or esketamine; its structured facts drive the comparison table."""

    name = models.CharField(max_length=120)
    short_name = models.CharField(
        max_length=40, help_text="Used as a table column heading, e.g. 'IV infusion'."
    )
    slug = models.SlugField(
        max_length=120, unique=True, help_text="The last part of the page address, /treatments/…/."
    )
    summary = models.TextField(help_text="One or two plain sentences.")
    medication = models.CharField(max_length=120, help_text="e.g. Racemic ketamine; Esketamine (Spravato).")
    route_of_administration = models.CharField(
        max_length=20,
        choices=RouteOfAdministration,
        blank=True,
        help_text="How the medicine enters the body, for search engines; left blank, the short name is used.",
    )
    regulatory_status = models.CharField(max_length=20, choices=RegulatoryStatus)
    typical_dose = models.CharField(max_length=40, help_text="The number, e.g. 0.5 or 56 or 84.")
    dose_unit = models.CharField(max_length=20, help_text="e.g. mg/kg or mg.")
    dose_note = models.CharField(max_length=200, blank=True, help_text="e.g. 'given over about 40 minutes'.")
    session_length = models.CharField(max_length=120)
    schedule_induction = models.CharField("schedule: first weeks", max_length=250)
    schedule_maintenance = models.CharField("schedule: afterwards", max_length=250, blank=True)
    observation_period = models.CharField("observation after a dose", max_length=150)
    setting = models.CharField(
        max_length=200, help_text="Where it is given, e.g. certified treatment center."
    )
    monitoring = models.CharField(max_length=250)
    onset = models.CharField("usual onset", max_length=150)
    requirements = models.CharField(
        max_length=250, blank=True, help_text="e.g. taken with an oral antidepressant."
    )
    description = models.TextField(
        blank=True, help_text="The full explanation; cleaned of unsafe HTML on save."
    )
    is_listed = models.BooleanField("listed", default=True)
    order = models.PositiveSmallIntegerField(default=0)
    last_reviewed = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdministrationRouteQuerySet.as_manager()
    history = HistoricalRecords()
    description_html = RichText("description")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "treatment route"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("conditions:route_detail", kwargs={"slug": self.slug})

    @property
    def dose_display(self):
        return f"{self.typical_dose} {self.dose_unit}".strip()

    @property
    def regulatory_status_explained(self):
        return REGULATORY_STATUS_IN_PLAIN_WORDS[self.regulatory_status]

    def comparison_facts(self):
        """Return (label, value) pairs for the comparison table and the route page, in reading order."""
        return [
            ("Medication", self.medication),
            ("Regulatory status", self.get_regulatory_status_display()),
            ("Typical dose", self.dose_display),
            ("About the dose", self.dose_note or "As your prescriber decides"),
            ("Session length", self.session_length),
            ("Schedule: first weeks", self.schedule_induction),
            ("Schedule: afterwards", self.schedule_maintenance or "Decided with your clinician"),
            ("Observation after a dose", self.observation_period),
            ("Setting", self.setting),
            ("Monitoring", self.monitoring),
            ("Usual onset", self.onset),
            ("Requirements", self.requirements or "None beyond the usual assessment"),
        ]


class ConditionRoute(models.Model):
    """That a route is used for a condition, with a note such as which route is FDA-approved for it."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="route_links")
    route = models.ForeignKey(AdministrationRoute, on_delete=models.CASCADE, related_name="condition_links")
    note = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "route__order"]
        verbose_name = "treatment route for this condition"
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "route"],
                name="condition_route_unique",
                violation_error_message="This treatment route is already linked to this condition.",
            )
        ]

    def __str__(self):
        return f"{self.route} for {self.condition}"


class ContraindicationQuerySet(ListedQuerySet):
    def for_route(self, route):
        """Return contraindications that apply to route: those naming it, and those naming no route (all)."""
        return self.filter(models.Q(routes=route) | models.Q(routes__isnull=True)).distinct()

    def for_safety_page(self):
        """Return contraindications with route_count and their listed routes (listed_routes) prefetched."""
        return self.annotate(route_count=models.Count("routes")).prefetch_related(
            models.Prefetch("routes", queryset=AdministrationRoute.objects.listed(), to_attr="listed_routes")
        )


class Contraindication(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    kind = models.CharField(max_length=20, choices=ContraindicationKind)
    explanation = models.TextField(help_text="Plain words: why it matters and what happens next.")
    routes = models.ManyToManyField(
        AdministrationRoute, blank=True, related_name="contraindications",
        help_text="Leave empty when it applies to every route.",
    )  # fmt: skip
    screening_question = models.CharField(
        max_length=250, help_text="A plain yes/no question for the pre-screen, addressed to the reader."
    )
    is_listed = models.BooleanField("listed", default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ContraindicationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "order", "name"]

    def __str__(self):
        return self.name

    @property
    def is_absolute(self):
        return self.kind == ContraindicationKind.ABSOLUTE


class CandidateProfile(models.Model):
    """Who is typically a candidate, e.g. treatment-resistant depression; shown on the safety page."""

    title = models.CharField(max_length=150)
    description = models.TextField()
    is_listed = models.BooleanField("listed", default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ListedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "typical candidate"

    def __str__(self):
        return self.title
