import hashlib
import re
from decimal import Decimal
from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from infrastructure import cache, cache_tags
from infrastructure.site_paths import is_local_path, validate_local_path

from .dialable import tel_link, validate_dialable
from .identifiers import validate_doi, validate_pmid
from .review_dates import REVIEW_DUE_SOON, ReviewState, due_by, next_review_after, review_due
from .richtext import RichText, RichTextMixin
from .search_terms import parse_terms, parse_terms_leniently


class InPageLanguageQuerySet(models.QuerySet):
    """Rows come back in the public page's language: each with its reviewed translation laid over it, if any
    (domain/translations.py: one more query per kind, until the process holds them); English pages, the
    admin and commands are untouched."""

    dressed = True

    def as_stored(self):
        """Rows as stored, for a caller that dresses several lists at once (translations.overlay)."""
        clone = self._chain()
        clone.dressed = False
        return clone

    def _clone(self):
        clone = super()._clone()
        clone.dressed = self.dressed
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if (
            fresh
            and self.dressed
            and self._iterable_class is ModelIterable
            and hasattr(self.model, "translations")
            and translations.translating()
        ):
            self._result_cache = translations.overlay(self._result_cache)

    def in_page_language(self):
        """Only what has a public translation into the page's language (everything on an English page)."""
        if not translations.translating():
            return self
        translation_model = self.model.translations.rel.related_model
        # A translation reviewed or withdrawn later changes the list (even an empty one).
        cache_tags.shows_list(translation_model)
        if translation_model.held_whole:  # known in memory (translations.public_translations)
            return self.filter(pk__in=sorted(translations.translated_ids(translation_model)))
        return self.filter(translations.has_public_translation(self.model))


class SiteProfileManager(models.Manager):
    last_seen = None

    def get_current(self):
        """Return the one site profile, from the shared cache when possible, creating it if missing.

        Saving the profile starts a new cache generation for it (infrastructure/cache.py), so every worker of
        every server shows the change on its next request.
        """
        profile = cache.get_or_compute(
            "site-profile",
            self._in_page_language,
            depends_on=[self.model._meta.label_lower, "clinic.siteprofiletranslation"],
        )
        self.last_seen = profile  # for the outage page only, when neither database nor cache answers
        return profile

    def _in_page_language(self):
        profile = self.get_or_create(pk=1)[0]
        return translations.overlay([profile])[
            0
        ]  # the clinic's own words in the page's language, if reviewed

    def for_request(self, request):
        """Return get_current(), read once per request and shared by its view, templates and middleware."""
        # Each get_current() is two cache round trips; a page asked for it up to four times.
        profile = getattr(request, "site_profile", None)
        if profile is None:
            profile = request.site_profile = self.get_current()
        return profile


def _facts_held_once():
    cache_tags.shows_list(KeyFact)  # read as values: the list tag is what a fact's change drops
    facts = {
        key: (text, figure)
        for key, text, figure in KeyFact.objects.exclude(key="").values_list("key", "text", "figure")
    }
    if translations.translating():
        cache_tags.shows_list(translations.KeyFactTranslation)
        rows = translations.KeyFactTranslation.objects.public().filter(
            language=translations.current_language()
        )
        for key, text, figure in rows.exclude(original__key="").values_list(
            "original__key", "text", "figure"
        ):
            facts[key] = (text, figure)
    return facts


NO_PHONE_NUMBERS = RegexValidator(
    r"\d{3}",
    inverse_match=True,
    message="Leave phone numbers out of the disclaimer: every page adds the crisis line and the emergency "
    "number from the crisis help fields, so a change there shows everywhere at once.",
)


class SiteProfile(RichTextMixin, models.Model):
    """The clinic's name and contact details, shown in the header, footer and structured data."""

    name = models.CharField(max_length=120, default="Ketamine Clinic")
    tagline = models.CharField(max_length=200, blank=True)
    phone = models.CharField(
        max_length=40,
        blank=True,
        validators=[validate_dialable],
        help_text=_("As patients should dial it, e.g. (555) 010-0142."),
    )
    email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("state"), max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="US", help_text=_("Two-letter country code."))
    opening_hours = models.CharField(
        max_length=100, blank=True, help_text=_("schema.org format, e.g. Mo-Fr 08:00-18:00.")
    )
    booking_url = models.URLField(_("booking link"), blank=True)
    crisis_line_name = models.CharField(
        _("crisis line name"),
        max_length=100,
        default="988 Suicide & Crisis Lifeline",
        help_text=_("The crisis line's name as readers see it on every page."),
    )
    crisis_line = models.CharField(
        _("crisis line number"),
        max_length=20,
        default="988",
        validators=[validate_dialable],
        help_text=_(
            "The number to call or text, shown on every page; 988 is the US Suicide & Crisis Lifeline."
        ),
    )
    crisis_chat_url = models.URLField(
        _("crisis chat link"),
        blank=True,
        default="https://988lifeline.org/chat/",
        help_text=_("Where readers can chat with the crisis line online; leave empty if it has no chat."),
    )
    emergency_number = models.CharField(
        max_length=20,
        default="911",
        validators=[validate_dialable],
        help_text=_("The emergency number, shown beside the crisis line."),
    )
    intro = models.TextField(
        _("home page introduction"),
        blank=True,
        help_text=_("What ketamine treatment is, in plain words; the first thing on the home page."),
    )
    disclaimer = models.TextField(
        _("medical disclaimer"),
        # A number typed here would go stale when the crisis fields change: pages show those beside it.
        validators=[NO_PHONE_NUMBERS],
        help_text=_(
            "Without phone numbers: every page shows the crisis line and emergency number beside it."
        ),
        default=(
            "This site offers general information, not medical advice. Talk with a clinician about your own "
            "situation."
        ),
    )

    objects = SiteProfileManager()
    history = HistoricalRecords()
    intro_html = RichText("intro")

    class Meta:
        verbose_name = _("site profile")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="site_profile_singleton")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @cached_property
    def facts(self):
        """{key: (text, figure)} of the facts held once, for {fact:key} in authored text: read on first use,
        from the shared cache, so a page without a fact token costs nothing."""
        return cache.get_or_compute(
            "facts", _facts_held_once, depends_on=["clinic.keyfact", "clinic.keyfacttranslation"]
        )

    @property
    def phone_href(self):
        return tel_link(self.phone)

    @property
    def crisis_line_href(self):
        return tel_link(self.crisis_line)

    @property
    def emergency_href(self):
        return tel_link(self.emergency_number)

    @property
    def crisis_chat_label(self):
        """Return the chat link's address as readers would type it, e.g. 988lifeline.org."""
        host = urlsplit(self.crisis_chat_url).hostname or ""
        return host.removeprefix("www.")

    @property
    def address_lines(self):
        city_line = " ".join(part for part in (self.locality + ("," if self.region else ""), self.region,
                                               self.postal_code) if part)  # fmt: skip
        return [line for line in (self.street_address, city_line.strip(" ,")) if line]


def citations_field(related_query_name=None):
    """Return the numbered sources field of a model that cites: its Citation rows, deleted with it."""
    return GenericRelation(
        "clinic.Citation",
        related_query_name=related_query_name,
        help_text=_("The sources this item's text relies on, numbered in order."),
    )


class KeyFactQuerySet(InPageLanguageQuerySet):
    def listed(self):
        """Return the facts shown on the home page, in staff's order."""
        cache_tags.shows_list(self.model)
        return self.filter(is_listed=True)


class KeyFact(models.Model):
    """A clinical fact or rule, held once with its sources; listed ones are the home page's key facts.

    A fact with a key is written into any page as `{fact:key}` and filled in as the page renders (like the
    crisis line), so a rule several pages state (alcohol, fasting, how long you stay) is typed once and can't
    drift. Its topic words let the content check find a page that restates it in its own words instead.
    """

    key = models.SlugField(
        max_length=60,
        blank=True,
        help_text=_("Set it to write the fact into pages as {fact:key}; e.g. 'alcohol-around-sessions'."),
    )
    figure = models.CharField(
        max_length=40, help_text=_("The number or short phrase shown large, e.g. '2 hours'.")
    )
    text = models.CharField(
        max_length=250, help_text=_("One sentence that states the fact; pages show it as is.")
    )
    topic = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Words that mark a sentence as stating this fact, comma-separated (e.g. 'alcohol'): the "
            "content check names a page that gives it another figure, or restates it instead of {fact:key}."
        ),
    )
    citations = citations_field(related_query_name="key_fact")
    is_listed = models.BooleanField(
        _("listed"), default=True, help_text=_("Shown among the home page's key facts.")
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = KeyFactQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=~models.Q(key=""),
                name="key_fact_key_once",
                violation_error_message="Another fact already has this key.",
            )
        ]

    def __str__(self):
        return f"{self.figure}: {self.text}"


def fingerprint(values):
    """Return the hash a medical sign-off keeps of the clinical text it covered (migrations use it too)."""
    parts = [f"{value.normalize():f}" if isinstance(value, Decimal) else str(value or "") for value in values]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def source_key(text, taken=()):
    """Return a short stable key for a citation, e.g. 'anand-2023': first word and year, made unique."""
    year = re.search(r"\b(?:19|20)\d{2}\b", text or "")
    base = "-".join(filter(None, [slugify((text or "source").split()[0])[:40], year and year.group(0)]))
    key, suffix = base or "source", ord("a")
    while key in taken:
        suffix += 1
        key = f"{base}-{chr(suffix)}"
    return key


class Person(models.Model):
    """Someone the site names, once: their name, credentials and whether they may medically review.

    The medical reviewer of every article and clinical item is a person (reviewer_field()); an author's
    byline (articles.Author) is a person's public profile and reads its name from here.
    """

    display_name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    credentials = models.CharField(max_length=80, blank=True, help_text=_("e.g. MD, PMHNP-BC, PharmD."))
    may_review = models.BooleanField(
        _("may medically review"),
        default=False,
        help_text=_("Can be named as the medical reviewer of content."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("person")

    def __str__(self):
        return self.name_with_credentials

    @property
    def name_with_credentials(self):
        return f"{self.display_name}, {self.credentials}" if self.credentials else self.display_name


class Source(models.Model):
    """One paper, label or web page: one record, cited by key from every item that relies on it."""

    key = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_("A short stable key, e.g. 'anand-2023'; content files cite it."),
    )
    text = models.TextField(_("citation"), help_text=_("Authors, title, journal, year; or the label's name."))
    doi = models.CharField(
        _("DOI"),
        max_length=120,
        blank=True,
        help_text=_("e.g. 10.1056/NEJMoa2302399"),
        validators=[validate_doi],
    )
    pmid = models.CharField(
        _("PMID"),
        max_length=12,
        blank=True,
        help_text=_("PubMed's number, digits only."),
        validators=[validate_pmid],
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    is_clinic_policy = models.BooleanField(
        _("the clinic's own policy"),
        default=False,
        help_text=_(
            "Not a published source but the clinic's protocol: its citations quote no passage, and "
            "pages say the rule is the clinic's."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")

    def __str__(self):
        return Truncator(self.text).chars(90)

    @property
    def link(self):
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""


def reviewer_field(related_name="+"):
    """Return the medical reviewer field every reviewed model has: a person who may review."""
    return models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        limit_choices_to={"may_review": True},
        verbose_name=_("medical reviewer"),
    )


class Citation(models.Model):
    """That an item (an article, condition, route, contraindication, interaction, key fact…) relies on a
    source; its order is its number [n] in the item's reference list."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Its number in the item's reference list.")
    )

    # Who changed what an item cites, and when: articles kept this for their references before citing here.
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_item_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "source"],
                name="citation_once_per_item",
                violation_error_message="This source is already cited by this item.",
            )
        ]

    def __str__(self):
        return f"[{self.order}] {self.source}"


class Passage(models.Model):
    """What in a cited source supports one claim of the item: our words, the source's words, and where.

    A reader opens it beside the claim ("What the source says"); check_content fails on a clinical citation
    without one and on a passage that lacks a figure its claim states.
    """

    citation = models.ForeignKey(Citation, on_delete=models.CASCADE, related_name="passages")
    claim = models.CharField(
        max_length=300,
        help_text=_("The words of the item that the source supports, exactly as the page says them."),
    )
    text = models.TextField(
        _("passage"),
        help_text=_("The source's own words that support the claim: a short quotation, never a paraphrase."),
    )
    locator = models.CharField(
        max_length=200,
        help_text=_("Where the passage is: a label's section or table, a page, or the abstract."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = InPageLanguageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("passage")
        verbose_name_plural = _("what the source says")

    def __str__(self):
        return Truncator(self.claim).chars(60)


def passages_of(item):
    """Return the item's passages as plain values, in order: [{source, claim, passage, locator}]."""
    passages = Passage.objects.filter(
        citation__content_type=ContentType.objects.get_for_model(item), citation__object_id=item.pk
    ).select_related("citation__source")
    return [
        {"source": p.citation.source.key, "claim": p.claim, "passage": p.text, "locator": p.locator}
        for p in passages.order_by("order", "pk")
    ]


def set_passages(item, wanted):
    """Make wanted ([{source, claim, passage, locator}], sources the item cites) its passages; unchanged
    passages write nothing, so a reload adds no history."""
    if passages_of(item) == wanted:
        return
    citations = {
        citation.source.key: citation
        for citation in Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).select_related("source")
    }
    Passage.objects.filter(citation__in=citations.values()).delete()
    for order, values in enumerate(wanted, start=1):
        Passage.objects.create(
            citation=citations[values["source"]],
            claim=values["claim"],
            text=values["passage"],
            locator=values["locator"],
            order=order,
        )


def with_sources(passages=True):
    """Return the prefetch of an item's numbered citations with their sources (and passages, for pages that
    show what each source says: the clinical ones)."""
    citations = Citation.objects.select_related("source")
    return models.Prefetch(
        "citations", queryset=citations.prefetch_related("passages") if passages else citations
    )


def attach_citations(*item_lists):
    """Set citation_list on every item: its numbered citations with their sources, one query for all kinds.

    For pages of many short items: with_sources() costs a query per model and, being a Prefetch with a
    queryset, builds a filtered queryset per item, which took longer than the query itself.
    """
    items = {}
    ids_by_type = {}
    for item in (item for item_list in item_lists for item in item_list):
        item.citation_list = []
        content_type_id = ContentType.objects.get_for_model(item).pk
        items[content_type_id, item.pk] = item
        ids_by_type.setdefault(content_type_id, []).append(item.pk)
    if not items:
        return
    kinds = reduce(or_, (models.Q(content_type_id=ct, object_id__in=ids) for ct, ids in ids_by_type.items()))
    sources = {}
    citations = list(Citation.objects.filter(kinds).select_related("source"))
    prefetch_related_objects(citations, "passages")
    for citation in citations:
        # One Source object per id, shared by every item that cites it.
        citation.source = sources.setdefault(citation.source_id, citation.source)
        items[citation.content_type_id, citation.object_id].citation_list.append(citation)


def cite(item, sources):
    """Make sources (in order) the item's numbered citations, keeping rows that stay, removing the rest.

    Only what changes is written, so reloading the same content leaves the citations' history as it was.
    """
    content_type = ContentType.objects.get_for_model(item)
    wanted = {source.pk: order for order, source in enumerate(sources, start=1)}
    cited = Citation.objects.filter(content_type=content_type, object_id=item.pk)
    cited.exclude(source__in=wanted).delete()
    kept = {citation.source_id: citation for citation in cited.filter(source__in=wanted)}
    for source_pk, order in wanted.items():
        citation = kept.get(source_pk)
        if citation is None:
            citation = Citation(content_type=content_type, object_id=item.pk, source_id=source_pk)
        if citation.pk is None or citation.order != order:
            citation.order = order
            citation.save()


class ReviewedQuerySet(InPageLanguageQuerySet):
    def review_queue(self, today=None):
        """Return items needing a medical review: never reviewed, overdue, due within 30 days, or changed."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(last_reviewed__isnull=True)
            | due_by(today + REVIEW_DUE_SOON)
            | models.Q(changed_since_review=True)
        )


class Reviewed(models.Model):
    """Clinical content with a medical sign-off that belongs to the text it signed.

    Each model names its reviewer field and its clinical text (review_fields). Recording a review (a new
    review date or reviewer) fingerprints that text; any later change to it sets changed_since_review until
    the next review. Without a due date, the next review falls 12 months after the last one.
    """

    last_reviewed = models.DateField(_("last medically reviewed"), null=True, blank=True)
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_("Left blank, or kept from the last review: 12 months after the review."),
    )
    reviewed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    changed_since_review = models.BooleanField(
        default=False, editable=False, help_text=_("Its clinical text changed after the last medical review.")
    )

    review_fields: tuple[str, ...] = ()
    REVIEW_STATE_FIELDS = ("next_review_due", "reviewed_fingerprint", "changed_since_review")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_review_state()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *self.REVIEW_STATE_FIELDS}
        super().save(*args, **kwargs)
        self._review_as_loaded = self._review_signature()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._review_as_loaded = instance._review_signature()
        return instance

    def _review_signature(self):
        fields = {f.attname for f in self._meta.concrete_fields}
        return tuple(self.__dict__.get(name) for name in ("reviewer_id", "last_reviewed", "next_review_due")
                     if name in fields)  # fmt: skip

    def clinical_fingerprint(self):
        """Return a hash of the clinical text the sign-off covers."""
        return fingerprint(getattr(self, name) for name in self.review_fields)

    def _review_recorded_now(self):
        loaded = getattr(self, "_review_as_loaded", None)
        return bool(self.last_reviewed) and (loaded is None or self._review_signature()[:2] != loaded[:2])

    def apply_review_defaults(self):
        """When a review is entered: the next one falls due 12 months later unless another date is set."""
        loaded = getattr(self, "_review_as_loaded", None)
        if not self.last_reviewed:
            return
        due_kept = loaded is not None and self.next_review_due == loaded[2] and self._review_recorded_now()
        if self.next_review_due is None or due_kept or self.next_review_due <= self.last_reviewed:
            self.next_review_due = next_review_after(self.last_reviewed)

    def clean(self):
        super().clean()
        errors = self.review_date_errors()
        if errors:
            raise ValidationError(errors)
        self.apply_review_defaults()

    def review_date_errors(self):
        """Return {field: message} when a next review typed on purpose falls on or before the review."""
        loaded = getattr(self, "_review_as_loaded", None)
        typed_due = self.next_review_due is not None and (loaded is None or self.next_review_due != loaded[2])
        if self.last_reviewed and typed_due and self.next_review_due <= self.last_reviewed:
            # A date typed on purpose is never replaced behind the author's back: say what is wrong.
            return {
                "next_review_due": _(
                    "The next review must fall after the last review (%(date)s). Leave it blank for 12 "
                    "months after the review."
                )
                % {"date": date_format(self.last_reviewed, "F j, Y")}
            }
        return {}

    def refresh_review_state(self):
        if self._review_recorded_now() or (self.last_reviewed and not self.reviewed_fingerprint):
            self.reviewed_fingerprint = self.clinical_fingerprint()
        fingerprint = self.clinical_fingerprint()
        self.changed_since_review = bool(self.last_reviewed) and self.reviewed_fingerprint != fingerprint

    def sign_off(self, reviewer, day):
        """Record that reviewer reviewed the current text on day; the next review falls 12 months later."""
        self.reviewer = reviewer
        self.last_reviewed = day
        self.next_review_due = next_review_after(day)
        self.reviewed_fingerprint = self.clinical_fingerprint()
        self.save()

    @property
    def review_due(self):
        """Return the day the next review falls due (domain/review_dates.py), None if never reviewed."""
        return review_due(self.last_reviewed, self.next_review_due)

    @property
    def review_is_overdue(self):
        due = self.review_due
        return due is not None and due < timezone.localdate()

    @property
    def review_state(self):
        """Return the queue's words for this item: a short label, or '' when nothing is due."""
        if not self.last_reviewed:
            return ReviewState.NEVER
        if self.changed_since_review:
            return ReviewState.CHANGED
        if self.review_is_overdue:
            return ReviewState.OVERDUE
        if self.review_due <= timezone.localdate() + REVIEW_DUE_SOON:
            return ReviewState.DUE_SOON
        return ""

    @property
    def review_is_current(self):
        return bool(self.last_reviewed) and not self.changed_since_review


class Autosave(models.Model):
    """What someone typed into an admin form and has not saved yet: one per person and object.

    Kept apart from the saved versions (it has no history and never changes the object itself); saving
    or discarding the form deletes it. base_version is the edit-conflict token of the version the form
    was opened on, so restoring it can never overwrite someone else's save without a warning.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, blank=True, help_text=_("Empty for something not yet added."))
    data = models.JSONField(default=dict)
    base_version = models.CharField(max_length=64, blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="autosave_one_per_form"
            )
        ]

    def __str__(self):
        return f"Unsaved changes by {self.user} ({self.saved_at:%Y-%m-%d %H:%M})"


class Redirect(models.Model):
    """An old public address that answers with a permanent redirect to where its page lives now.

    Both addresses are paths on this site (infrastructure/site_paths.py): a redirect never sends a reader
    to another site. Rows saved before that rule are listed by `manage.py check_redirects`.
    """

    old_path = models.CharField(
        _("old address"),
        max_length=300,
        unique=True,
        validators=[validate_local_path],
        help_text=_("The path readers used, e.g. /articles/old-name/."),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=300,
        validators=[validate_local_path],
        help_text=_("Where they go now: a path on this site, e.g. /articles/new-name/."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        if self.old_path and self.old_path == self.new_path:
            raise ValidationError(
                {"new_path": _("This is the old address itself: readers would be sent round in a circle.")},
                code="redirect_loop",
            )

    @property
    def stays_on_site(self):
        return is_local_path(self.old_path) and is_local_path(self.new_path)


class SynonymSet(models.Model):
    """Words and phrases that mean the same to a reader searching the site: a brand and its generic name, an
    abbreviation and what it stands for ("TRD", "treatment-resistant depression").

    A search that names any term of a set also finds pages with any other term (clinic/site/synonyms.py).
    Staff keep the sets in the admin; new sites start with content/search-synonyms.yaml.
    """

    terms = models.TextField(
        help_text=_(
            "One term per line (or separated by commas): words or phrases a reader may type, e.g. "
            "“Spravato”, “esketamine nasal spray”. Capitals, plurals and hyphens don't matter. A term "
            "belongs to one set only."
        )
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Why these mean the same, for whoever checks the set next (e.g. “brand and generic name”)."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym set")

    def __str__(self):
        return Truncator(", ".join(term.text for term in parse_terms_leniently(self.terms))).chars(80)

    def clean(self):
        try:
            terms = parse_terms(self.terms or "")
        except ValidationError as error:
            raise ValidationError({"terms": error.messages}, code="bad_terms") from None
        mine = {term.key: term.text for term in terms}
        clashes = []
        for other in SynonymSet.objects.exclude(pk=self.pk).only("terms"):
            for term in parse_terms_leniently(other.terms):
                if term.key in mine:
                    clashes.append(
                        f"“{mine[term.key]}” is already in the set “{other}”: a term belongs to one set. "
                        "Add these terms to that set, or remove it from one of them."
                    )
        if clashes:
            raise ValidationError({"terms": clashes}, code="term_in_another_set")


# Translations of the shared domain's content (their models belong to this app), defined beside their base.
from . import translations  # noqa: E402, F401
