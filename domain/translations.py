"""Content in the public site's other languages (issue 24), each translation with its own medical review.

A translation is a row of its own, one model per translated kind (ConditionTranslation, ArticleTranslation…),
holding the translated fields under the original's names, a translator, a medical reviewer and a review date,
like the original's sign-off. Its review also records *which version of the original it translates*: the
original's clinical fingerprint at that moment (`translates`). Then:

- A translation is public only once reviewed, and only while its own text is the text that was reviewed: an
  unreviewed translation, machine-made or not, is never shown to a reader.
- When the original's clinical text changes, `original_changed` says so (kept current by a signal, so the
  admin and the review queue can filter on it); the public page says "the English page changed since this
  translation" and links the English page, until the translation is reviewed against the new text.
- A safety correction to the original (a library proposal marked safety, accepted) *withdraws* its
  translations: off the public site until someone reviews the translation against the corrected original
  (or puts it back on purpose in the admin).

Readers' pages show a translation by laying its fields over the original loaded as usual (`overlay`), so the
templates, structured data and caches read the same attributes in every language; an object so dressed
refuses to be saved.
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from infrastructure import cache, cache_tags
from infrastructure.url_language import page_language

# domain.models imports this module last, so that its models are Django's models of this app.
from .models import (
    KeyFact,
    Passage,
    Person,
    Reviewed,
    ReviewedQuerySet,
    SiteProfile,
    fingerprint,
    reviewer_field,
)
from .richtext import RichText, RichTextMixin

TRANSLATED_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != "en"]


def default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def current_language() -> str:
    """The language of the public page being served ("en", "es"); "en" outside one (admin, commands)."""
    return (page_language.get() or settings.LANGUAGE_CODE).split("-")[0]


def translating() -> bool:
    """Whether the page being served is in a language other than the original's."""
    return current_language() != default_language()


class TranslationQuerySet(ReviewedQuerySet):
    def public(self):
        """Reviewed, unchanged since its review, and not withdrawn: what a reader may see."""
        return self.filter(
            last_reviewed__isnull=False, reviewer__isnull=False, changed_since_review=False, withdrawn=False
        )

    def needing_attention(self):
        """For the review queue: never reviewed, changed since, overdue, withdrawn, or behind its original."""
        return self.review_queue() | self.filter(models.Q(withdrawn=True) | models.Q(original_changed=True))


class Translation(Reviewed):
    """A translation of one item into one language; a concrete model adds `original` and the fields."""

    language = models.CharField(_("language"), max_length=10, choices=TRANSLATED_LANGUAGES, default="es")
    translator = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("translator"),
    )
    reviewer = reviewer_field()
    translates = models.CharField(
        _("translates version"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("The original's clinical text this translation was reviewed against (its fingerprint)."),
    )
    original_changed = models.BooleanField(
        _("original changed since"),
        default=False,
        editable=False,
        help_text=_("The original's clinical text changed after this translation was reviewed."),
    )
    withdrawn = models.BooleanField(
        _("taken off the public site"),
        default=False,
        help_text=_(
            "Set when a safety correction changed the original. A review of this translation against the "
            "corrected original puts it back; so does clearing this box, on purpose."
        ),
    )
    withdrawn_because = models.CharField(_("why it was taken off"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslationQuerySet.as_manager()

    # The original's fields this translation holds (its clinical text, reviewed): set by each concrete model.
    review_fields: tuple[str, ...] = ()
    # Few and short enough for each process to hold all the public ones (`public_translations`).
    held_whole = True

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.original} ({self.get_language_display()})"

    @property
    def translated_fields(self):
        return self.review_fields

    def refresh_review_state(self):
        reviewed_now = self._review_recorded_now() or (self.last_reviewed and not self.translates)
        super().refresh_review_state()
        if reviewed_now and self.original_id:
            # Reviewed now: against the original as it is now, which also lifts a safety withdrawal.
            self.translates = original_fingerprint(self.original)
            if self._review_recorded_now():
                self.withdrawn, self.withdrawn_because = False, ""
        if self.original_id and self.translates:
            self.original_changed = self.translates != original_fingerprint(self.original)

    REVIEW_STATE_FIELDS = (*Reviewed.REVIEW_STATE_FIELDS, "translates", "original_changed", "withdrawn",
                           "withdrawn_because")  # fmt: skip

    def page_cache_also_changes(self):
        """A translation reviewed, edited or withdrawn moves its original in or out of the lists in its
        language: the pages that list that kind in another language record its list tag (`overlay`)."""
        return {cache_tags.list_tag(type(self))}

    def loaded(self, names):
        """The names among names this row was read with (a list reads fewer columns than a page)."""
        deferred = self.get_deferred_fields()
        return [name for name in names if name not in deferred]

    def apply(self, original):
        """Lay this translation's fields over original (in place, unsaved) and return it."""
        for name in self.loaded(self.translated_fields):
            value = getattr(self, name)
            if value not in ("", None, {}):  # an optional field left empty shows the original's
                setattr(original, name, value)
        original.shown_translation = self
        original.shown_language = self.language
        return original


def original_fingerprint(original) -> str:
    """Return the fingerprint of the original's clinical text: what a translation of it translates."""
    if isinstance(original, Reviewed):
        return original.clinical_fingerprint()
    translations = original.translations.model
    fields = getattr(translations, "original_fields", translations.review_fields)
    return fingerprint(getattr(original, name) for name in fields)


def translation_models():
    return list(_registry)


_registry = []


def translated(model):
    """Class decorator for concrete translations: keep their originals' flag current, refuse dressed saves."""
    _registry.append(model)
    original_model = model._meta.get_field("original").remote_field.model
    post_save.connect(_original_saved, sender=original_model, dispatch_uid=f"translations-{model.__name__}")
    return model


def _original_saved(sender, instance, raw=False, **kwargs):
    if raw or getattr(instance, "shown_translation", None) is not None:
        return
    current = original_fingerprint(instance)
    translations = instance.translations.all()
    # update(): a translation's own text and review are unchanged. The pages showing both are dropped by the
    # original's save already (they show the original too).
    translations.exclude(translates="").exclude(translates=current).update(original_changed=True)
    translations.filter(translates=current).update(original_changed=False)


def _refuse_dressed_save(sender, instance, **kwargs):
    if getattr(instance, "shown_translation", None) is not None:
        raise RuntimeError(
            f"{instance!r} shows a translation laid over it for a reader's page; it must not be saved."
        )


pre_save.connect(_refuse_dressed_save, dispatch_uid="translations-refuse-dressed-save")


def withdraw_translations(original, because: str) -> int:
    """Take the original's translations off the public site (a safety correction); return how many."""
    count = 0
    for item in original.translations.filter(withdrawn=False):
        item.withdrawn, item.withdrawn_because = True, because[:300]
        item.save()
        count += 1
    return count


def with_translation_flags(queryset):
    """Annotate each row with translated_<code>: whether it has a public translation into that language."""
    return queryset.annotate(
        **{
            f"translated_{code}": has_public_translation(queryset.model, code)
            for code, _ in TRANSLATED_LANGUAGES
        }
    )


def has_public_translation(model, language=None):
    """A condition on model's rows: it has a public translation into language (the page's)."""
    translations = model.translations.rel.related_model
    return models.Exists(
        translations.objects.public().filter(
            language=language or current_language(), original=models.OuterRef("pk")
        )
    )


class Untranslated(Exception):
    def __init__(self, item):
        self.item = item


def in_original_language(item) -> str:
    """Return item's address in the original language."""
    with translation.override(settings.LANGUAGE_CODE):
        return item.get_absolute_url()


class TranslatedPageMixin:
    """A detail view's page in another language exists only while its item has a public translation; else
    the address sends the reader to the page in English (302: a translation may come, or come back).

    The page names its versions for hreflang and the language switch (`alternates`): whether each language
    has one is read with the item, in the same query.
    """

    list_url_name = ""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Untranslated as missing:
            return HttpResponseRedirect(in_original_language(missing.item))

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        item = super().get_object(with_translation_flags(queryset))
        if translating() and getattr(item, "shown_translation", None) is None:
            raise Untranslated(item)
        return item

    def get_context_data(self, **kwargs):
        item = self.object
        alternates = {default_language(): in_original_language(item)}
        fallback = {}
        for code, _name in TRANSLATED_LANGUAGES:
            with translation.override(code):
                if getattr(item, f"translated_{code}", False):
                    alternates[code] = item.get_absolute_url()
                else:
                    alternates[code] = None
                    fallback[code] = reverse(self.list_url_name) if self.list_url_name else reverse("home")
        return super().get_context_data(alternates=alternates, language_fallback=fallback, **kwargs)


def overlay(objects, language=None, keep_untranslated=True):
    """Lay each object's public translation over it; return the objects kept.

    Objects without one keep their own words and say so (`shown_language`, for lang="en" in the page), or
    are left out when keep_untranslated is False (a list of what exists in that language).
    """
    language = language or current_language()
    objects = list(objects)
    if not objects or language == default_language():
        return objects
    by_kind = {}
    for item in objects:
        by_kind.setdefault(type(item), []).append(item)
    found = {}
    for model, items in by_kind.items():
        translation_model = model.translations.rel.related_model
        cache_tags.shows_list(translation_model)  # one of this kind reviewed or withdrawn changes the page
        for original_id, row in public_translations(translation_model, language, items).items():
            found[model, original_id] = row
    kept = []
    for item in objects:
        row = found.get((type(item), item.pk))
        if row is not None:
            kept.append(row.apply(item))
        elif keep_untranslated:
            item.shown_language = default_language()
            kept.append(item)
    loaded_with = [related for item in kept for related in _loaded_with(item)]
    if loaded_with:
        overlay(loaded_with, language)
    return kept


def public_translations(translation_model, language, originals) -> dict:
    """Return {original id: public translation into language} for the originals given.

    Each process holds what it read (`_held`) while nothing it depends on changed, so that once read, a page
    in another language costs no more queries than the English one. A kind held whole (all but articles: a
    few dozen short rows each) is read whole; articles are read for the rows a page shows, a list's without
    the columns its originals were read without (no bodies).
    """
    if translation_model.held_whole:
        rows = _whole(translation_model, language)
        return {item.pk: rows[item.pk] for item in originals if item.pk in rows}
    held = _held(translation_model, language)
    deferred = frozenset(
        set().union(*(item.get_deferred_fields() for item in originals)) & _text_fields(translation_model)
    )
    # Replaced, never changed in place: a thread reading them meanwhile (runserver, gthread) keeps its own.
    rows = held.rows
    wanted = [item.pk for item in originals if (deferred, item.pk) not in rows]
    if wanted:
        found = _read(translation_model, language, wanted, deferred)
        rows = {} if len(rows) > HELD_BY_ID else dict(rows)
        rows.update({(deferred, pk): found.get(pk) for pk in wanted})  # None: known to have none
        held.rows = rows
    return {item.pk: row for item in originals if (row := rows[deferred, item.pk]) is not None}


def translated_ids(translation_model, language=None):
    """The ids of the originals with a public translation into language (the page's), of a kind held whole."""
    return list(_whole(translation_model, language or current_language()))


def _whole(translation_model, language):
    held = _held(translation_model, language)
    if not held.whole:
        held.rows, held.whole = _read(translation_model, language), True
    return held.rows


def _read(translation_model, language, original_ids=None, deferred=()):
    rows = translation_model.objects.public().filter(language=language)
    rows = rows.select_related("translator", "reviewer")
    if original_ids is not None:
        rows = rows.filter(original__in=original_ids)
    return {row.original_id: row for row in rows.defer(*deferred)}


def _text_fields(translation_model):
    """The translated text's columns (not the review's, nor the original's key)."""
    shared = {field.attname for field in Translation._meta.fields}
    return {
        field.attname
        for field in translation_model._meta.concrete_fields
        if not field.is_relation and not field.primary_key and field.attname not in shared
    }


class _Held:
    def __init__(self, generation):
        self.generation = generation  # read before the rows
        self.rows = {}
        self.whole = False


_held_here = {}  # (translation model, language) -> _Held
HELD_BY_ID = 500  # rows of a kind read by id (articles) a process keeps before starting again


def _held(translation_model, language) -> _Held:
    """This process's rows of translation_model in language, emptied once public content changed anywhere.

    Rows depend on more than their own table: their originals (an original's edit marks its translations
    behind it with update(), no signal) and the people they name. The generation of all content moves at
    any such change, on every worker and server, and is read once per page
    (infrastructure.cache.page_generations); each process then reads a kind again when a page needs it.
    """
    current = cache.page_generations([cache.ALL_CONTENT])[cache.ALL_CONTENT]
    held = _held_here.get((translation_model, language))
    if held is None or held.generation != current:
        held = _held_here[translation_model, language] = _Held(current)
    return held


def _loaded_with(item):
    """The translatable objects loaded with item (select_related, prefetch_related), not yet dressed."""
    found = list(item._state.fields_cache.values())
    for rows in getattr(item, "_prefetched_objects_cache", {}).values():
        found.extend(rows)
    return [
        obj
        for obj in found
        if obj is not None
        and hasattr(type(obj), "translations")
        and getattr(obj, "shown_language", None) is None
    ]


# The shared domain's translated kinds. Conditions, routes, safety items and articles keep theirs beside them.


@translated
class KeyFactTranslation(Translation):
    original = models.ForeignKey(KeyFact, on_delete=models.CASCADE, related_name="translations")
    figure = models.CharField(max_length=60, help_text=_("As written in the text, e.g. “2 horas”."))
    text = models.CharField(max_length=400)

    review_fields = ("figure", "text")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("key fact translation")
        constraints = [
            models.UniqueConstraint(fields=["original", "language"], name="keyfact_translation_once")
        ]


@translated
class PassageTranslation(Translation):
    """A claim in the translation's words. The source's own words stay as the source wrote them."""

    original = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="translations")
    claim = models.CharField(
        max_length=400, help_text=_("The words of the translated item that the source supports, exactly.")
    )

    review_fields = ("claim",)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("passage translation")
        constraints = [
            models.UniqueConstraint(fields=["original", "language"], name="passage_translation_once")
        ]


@translated
class SiteProfileTranslation(RichTextMixin, Translation):
    """The site's own words in another language: the crisis line's name, tagline, introduction, disclaimer."""

    original = models.ForeignKey(SiteProfile, on_delete=models.CASCADE, related_name="translations")
    tagline = models.CharField(max_length=200, blank=True)
    crisis_line_name = models.CharField(
        _("crisis line name"),
        max_length=120,
        blank=True,
        help_text=_("Check it against the line's own pages in this language; left blank, the original's."),
    )
    crisis_line_note = models.CharField(
        _("how to reach the crisis line in this language"),
        max_length=300,
        blank=True,
        help_text=_(
            "From the line's own pages, e.g. for the 988 Lifeline in Spanish: call and press 2, or text "
            "AYUDA. Shown beside the crisis line on every page in this language; write {crisis line} for its "
            "number."
        ),
    )
    intro = models.TextField(blank=True)
    disclaimer = models.TextField(blank=True)

    review_fields = ("tagline", "crisis_line_name", "crisis_line_note", "intro", "disclaimer")
    # The line's number too: the name translated belongs to that line.
    original_fields = ("tagline", "crisis_line_name", "crisis_line", "intro", "disclaimer")
    history = HistoricalRecords()
    intro_html = RichText("intro")

    def apply(self, original):
        crisis_name = original.crisis_line_name
        dressed = super().apply(original)
        if self.original_changed:
            # The clinic changed its crisis line (or its words) since: the translated name and the way to
            # reach the line in this language may be another line's.
            dressed.crisis_line_name = crisis_name
            dressed.crisis_line_note = ""
        return dressed

    class Meta:
        verbose_name = _("site profile translation")
        constraints = [models.UniqueConstraint(fields=["original", "language"], name="site_translation_once")]
