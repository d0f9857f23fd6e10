import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from domain.citation_markers import without_markers
from domain.models import (
    InPageLanguageQuerySet,
    Person,
    Reviewed,
    ReviewedQuerySet,
    citations_field,
    reviewer_field,
    with_sources,
)
from domain.richtext import RichText, RichTextMixin, html_to_text, images_without_alt
from domain.translations import Translation, overlay, translated
from infrastructure import cache_tags
from infrastructure.addresses import slug_url

from .toc import TableOfContents, table_of_contents

WORDS_PER_MINUTE = 220
# /articles/<these>/ are the site's own pages (articles/urls.py), so no article may take them.
RESERVED_SLUGS = {"feed", "views", "category", "tag", "author", "condition"}
EXCERPT_WORDS = 40
# Computed from the body on save (Article.derive_from_body); never edited, never kept in history.
DERIVED_FIELDS = ("word_count", "body_summary", "body_text", "body_with_ids", "toc")
# What an article card reads; summary falls back to the body only for rows saved before body_summary existed.
CARD_FIELDS = (
    "title", "slug", "excerpt", "body_summary", "featured_image", "featured_image_alt", "published_at",
    "reading_time", "author__person__display_name", "author__person__credentials", "category__name",
    "category__slug",
)  # fmt: skip


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class AuthorManager(models.Manager.from_queryset(InPageLanguageQuerySet)):
    def get_queryset(self):
        # Whatever shows an author shows their name, which their person record holds: one query, not two.
        return super().get_queryset().select_related("person")


class Author(models.Model):
    """A person's byline: their author page, role, bio, photo and login.

    Their name, credentials and whether they may medically review are their person record's
    (clinic.Person), kept once and named by the clinical listings too; an author reads them from there.
    """

    person = models.OneToOneField(
        Person,
        on_delete=models.PROTECT,
        editable=False,
        related_name="author",
        help_text=_("Who writes under this byline: their name, credentials and review right, kept once."),
    )
    slug = models.SlugField(
        max_length=150,
        unique=True,
        help_text=_("The last part of the author page's address, /articles/author/…/."),
    )
    role = models.CharField(max_length=150, blank=True, help_text=_("e.g. Psychiatrist, medical director."))
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="authors/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text=_("The login this author writes with; leave empty for guest authors."),
    )

    objects = AuthorManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__display_name"]

    def __str__(self):
        return self.name_with_credentials

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)

    @property
    def display_name(self):
        return self.person.display_name

    @property
    def credentials(self):
        return self.person.credentials

    @property
    def may_review(self):
        return self.person.may_review

    @property
    def name_with_credentials(self):
        return self.person.name_with_credentials


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    objects = InPageLanguageQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:category", self.slug)


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    objects = InPageLanguageQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:tag", self.slug)


def _lifecycle():
    from . import lifecycle  # the lifecycle's table reads Status and WorkflowStep from this module

    return lifecycle


def _published_q():
    return _lifecycle().LIVE.q(timezone.now())


class ArticleQuerySet(ReviewedQuerySet):
    def published(self, in_page_language=True):
        """Return articles the public may see now; a future publish time means scheduled.

        On a page in another language, only those with a public translation into it (unless told otherwise:
        an article's own address sends a reader to the English page).
        """
        live = self.filter(_published_q())
        return live.in_page_language() if in_page_language else live

    def for_listing(self):
        """Return articles with what a feed item shows: a card's fields, update time, author page, tags."""
        cache_tags.shows_list(self.model)  # a page listing articles changes when one is published
        return self._with_listing_fields()

    def _with_listing_fields(self):
        return (
            self.select_related("author__person", "category")
            .only(*CARD_FIELDS, "updated_at", "author__slug")
            .prefetch_related("tags")
        )

    def for_cards(self):
        """Return articles with what a card shows (articles/includes/article_card.html): one query."""
        # Only the card's columns: every other one costs decoding and model building on each list page.
        cache_tags.shows_list(self.model)  # a page listing articles changes when one is published
        return self.select_related("author__person", "category").only(*CARD_FIELDS)

    def for_detail(self):
        """Return articles with everything their page shows, at a fixed number of queries."""
        from conditions.models import Condition  # conditions never imports articles; this side may

        # All related conditions, hidden ones too, so every reader of related_conditions.all() (the page,
        # its structured data) shares this one prefetch; Article.listed_conditions filters in Python.
        return (
            self._with_listing_fields()
            .defer(None)  # the page shows everything
            .select_related("reviewer__author")  # the reviewer's name, and their author page if they write
            .prefetch_related(
                with_sources(passages=False),  # articles show no passages; their citations carry none
                models.Prefetch(
                    "related_conditions",
                    # What the page and its structured data read of a condition: its link and crisis flag.
                    queryset=Condition.objects.only("name", "slug", "is_listed", "show_crisis_help").order_by(
                        "name"
                    ),
                ),
            )
        )

    def sharing(self, category_id, condition_ids):
        """Return published articles, newest first, in the category or about one of the conditions."""
        shared = models.Q(related_conditions__in=condition_ids)
        if category_id is not None:
            shared |= models.Q(category_id=category_id)
        # A subquery on primary keys instead of .distinct(): one query, no duplicates from the join.
        matching = self.model.objects.filter(shared).values("pk")
        return self.published().for_cards().filter(pk__in=matching)

    def lead_and_latest(self, count):
        """Return (lead, latest): the newest featured article, else the newest, and up to count others."""
        articles = self.for_cards()
        lead = articles.filter(is_featured=True).first()
        latest = list(articles.exclude(pk=getattr(lead, "pk", None))[: count + 1])
        if lead is None and latest:
            lead = latest.pop(0)  # no editor's pick: the newest article leads
        return lead, latest[:count]

    def editable_by(self, user):
        """Return the articles user may edit: editors all, authors their own drafts and those in review."""
        if user.has_perm("articles.publish_article"):
            return self.all()
        if user.has_perm("articles.change_article"):
            return self.filter(_lifecycle().writers_edit_q(), author__user=user)
        return self.none()

    def previewable_by(self, user):
        """Return what user may open on the site: published articles, plus all of their own if they write."""
        if user.has_perm("articles.publish_article"):
            return self.all()
        if user.has_perm("articles.change_article"):
            return self.filter(_published_q() | models.Q(author__user=user))
        return self.published()


class Article(RichTextMixin, Reviewed):
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text=_("The last part of the page address, /articles/…/. Keep it once published."),
    )
    dek = models.CharField(
        _("subtitle"), max_length=300, blank=True, help_text=_("One sentence under the title.")
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="articles")
    reviewer = reviewer_field(related_name="reviewed_articles")
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles",
        # article_category_keys_idx leads with the category and serves every lookup an index of its own would.
        db_index=False,
    )  # fmt: skip
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    # The numbered references: [n] in the body points at the n-th.
    citations = citations_field(related_query_name="article")
    related_conditions = models.ManyToManyField(
        "conditions.Condition", blank=True, related_name="articles",
        help_text=_("Conditions this article is about; each condition's page links back."),
    )  # fmt: skip
    excerpt = models.TextField(
        blank=True, help_text=_("Shown in lists and feeds; left blank, it is taken from the body.")
    )
    body = models.TextField(help_text=_("Cleaned of unsafe HTML on save."))
    key_takeaways = models.TextField(
        blank=True, help_text=_("One takeaway per line; shown in a box above the body.")
    )
    featured_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    featured_image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who can't see it."),
    )
    featured_image_caption = models.CharField(_("image caption"), max_length=250, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("Leave in the future to schedule; the page goes live then."),
    )
    is_featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("The newest featured article leads the home page; without one, the newest article does."),
    )
    seo_title = models.CharField(
        _("SEO title"), max_length=70, blank=True, help_text=_("Defaults to the title.")
    )
    seo_description = models.CharField(
        _("SEO description"), max_length=160, blank=True, help_text=_("Defaults to the excerpt.")
    )
    original_publication_name = models.CharField(
        _("originally published in"), max_length=150, blank=True, help_text=_("e.g. Psychology Today.")
    )
    original_publication_url = models.URLField(_("original publication link"), blank=True)
    reading_time = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=1, editable=False)
    # Derived from the cleaned body on every save (derive_from_body), so no page recomputes them per request.
    word_count = models.PositiveIntegerField(default=0, editable=False)
    body_summary = models.TextField(_("excerpt taken from the body"), blank=True, editable=False)
    # What search highlights its snippets in (clinic/site/search.py): readable text, entities decoded.
    body_text = models.TextField(_("body as plain text"), blank=True, editable=False)
    body_with_ids = models.TextField(_("body with heading ids"), blank=True, editable=False)
    toc = models.JSONField(_("table of contents"), default=dict, blank=True, editable=False)
    view_count = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["view_count", "reading_time", *DERIVED_FIELDS])
    body_html = RichText("body")
    review_fields = ("title", "dek", "excerpt", "key_takeaways", "body")

    class Meta:
        ordering = ["-published_at", "-created_at"]
        get_latest_by = "published_at"
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_listing_idx"),
            # The home page's lead: a handful of featured rows, newest first, without scanning the rest.
            models.Index(
                fields=["status", "-published_at", "-created_at"],
                condition=models.Q(is_featured=True),
                name="article_featured_idx",
            ),
            # List pages: their keys read from the index alone, however deep the page (DeferredJoinPaginator).
            models.Index(
                fields=["status", "-published_at", "-created_at", "id"], name="article_listing_keys_idx"
            ),
            # A category's archive: its count and a page's keys read from the index alone (7.7 ms -> 0.4 ms
            # for the count of a category of 1,900 articles).
            models.Index(
                fields=["category", "status", "-published_at", "-created_at", "id"],
                name="article_category_keys_idx",
            ),
            # Previous/next on the article page: a range on (published_at, id) read from one end.
            models.Index(fields=["status", "published_at", "id"], name="article_neighbours_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not hasattr(self, "_was_published"):  # as it stands before this save, for changes_public_pages()
            self._was_published = self.pk is not None and (
                Article.objects.filter(pk=self.pk, status=Status.PUBLISHED).exists()
            )
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "reading_time", *DERIVED_FIELDS}
        super().save(*args, **kwargs)
        self._was_published = self.status == Status.PUBLISHED  # for the next save of this instance

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    def clean_rich_text(self):
        super().clean_rich_text()
        self.derive_from_body()

    def derive_from_body(self):
        """Set reading time, word count, excerpt, plain text, heading ids and contents from the body."""
        # Counted after cleaning: only the words readers will see.
        words = html_to_text(self.body).split()
        self.word_count = len(words)
        self.reading_time = max(1, math.ceil(len(words) / WORDS_PER_MINUTE))
        self.body_text = " ".join(words)
        self.body_summary = Truncator(self.body_text).words(EXCERPT_WORDS)
        contents = table_of_contents(self.body)
        self.body_with_ids = str(contents.body)
        self.toc = contents.to_json()

    def clean(self):
        # Reviewed.clean's date check, reported with the article's other errors rather than before them.
        errors = self.review_date_errors()
        if not errors:
            self.apply_review_defaults()
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()  # Published with no time given means now
        if self.status == Status.PUBLISHED:
            errors.update(self.publishing_errors())
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = f"“{self.slug}” is taken by a page of the site; choose another address."
        unnamed = images_without_alt(self.body)
        if unnamed:
            which = (
                f"The image {unnamed[0]} has"
                if len(unnamed) == 1
                else f"The images {', '.join(unnamed)} have"
            )
            errors["body"] = (
                f"{which} no description (alt text). Click the image in the editor, choose “Change image "
                "text alternative” and describe it for readers who can't see it."
            )
        if self.featured_image and not self.featured_image_alt.strip():
            errors["featured_image_alt"] = "Describe the image for readers who can't see it."
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = "The review date can't be in the future."
        if errors:
            raise ValidationError(errors)

    def publishing_errors(self):
        """Return {field: message} for what the article lacks before it may be published; empty when ready."""
        errors = {}
        if not self.reviewer_id:
            errors["reviewer"] = "An article needs a medical reviewer before it can be published."
        if not self.last_reviewed:
            errors["last_reviewed"] = "Record the date of the medical review before publishing."
        return errors

    # The lifecycle (articles/lifecycle.py): where the article stands, and the steps that move it.

    @property
    def stage(self):
        """Return the lifecycle state the article's fields put it in now."""
        return _lifecycle().state_of(self)

    def transitions_for(self, user):
        """Return the steps user may take on this article now, in the order of their buttons."""
        lifecycle = _lifecycle()
        return lifecycle.transitions_from(self.stage if self.pk else lifecycle.NEW, user)

    def take(self, name, by, *, comment="", at=None, base_url=""):
        """Take the lifecycle step called name as user by: check it, change the article, save it, record
        the step and tell who acts next. Return what happened in words for by; raise ValidationError
        ({field: what to fix}) and change nothing when it can't be taken. at is the publish time given."""
        lifecycle = _lifecycle()
        transition = lifecycle.named(name)
        if transition is None:
            raise ValueError(f"The article lifecycle has no step called {name!r}.")
        return lifecycle.take(self, transition, by, comment=comment, at=at, base_url=base_url)

    def publish(self, when, by=None):
        """Publish at when (now or earlier) unless already public; raise ValidationError if
        publishing_errors() says no."""
        if not self.is_public:
            self.take("publish", by, at=when)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        if "status" in field_names:  # a list page defers it: reading it here would cost a query per row
            article._was_published = article.status == Status.PUBLISHED
        return article

    def changes_public_pages(self):
        """Whether the save being made can change a public page: the article is, or was, live or scheduled.
        A draft's edits and steps through review change nothing a reader sees (infrastructure/cache.py)."""
        return self.status == Status.PUBLISHED or getattr(self, "_was_published", True)

    # The pages of its author, category and reviewer list articles through for_cards()'s list tag: a new
    # article drops those lists, not every page that shows the same byline (infrastructure/cache_tags.py).
    page_cache_parents = ()

    def page_cache_also_changes(self):
        """Return the tags of the pages a save changes besides its own: its neighbours link to it."""
        if not self.is_public:
            return []  # while it was live, its neighbours' pages loaded it: its own tag drops them
        return [other.neighbours_tag for other in self.neighbours() if other is not None]

    @property
    def neighbours_tag(self):
        """The tag of this article's previous and next links: another article's publishing may change them."""
        return f"{cache_tags.object_tag(Article, self.pk)}:neighbours"

    @property
    def is_public(self):
        # Must agree with ArticleQuerySet.published() (both are the lifecycle's Live); a test checks both.
        return self.stage is _lifecycle().LIVE

    @property
    def is_scheduled(self):
        return self.published_at is not None and self.stage is _lifecycle().SCHEDULED

    def can_be_edited_by(self, user):
        # Must agree with ArticleQuerySet.editable_by(); a test checks both together.
        if user.has_perm("articles.publish_article"):
            return True
        return (
            user.has_perm("articles.change_article")
            and self.stage.writers_edit
            and self.author_id is not None
            and self.author.user_id == user.pk
        )

    @property
    def reviewer_profile(self):
        """Return the medical reviewer's byline (their author page), or None if they write nothing here."""
        if self.reviewer_id is None:
            return None
        try:
            return self.reviewer.author
        except Author.DoesNotExist:
            return None

    @property
    def listed_conditions(self):
        """Return the related conditions the public may see, by name; no query after for_detail()."""
        return [condition for condition in self.related_conditions.all() if condition.is_listed]

    def neighbours(self):
        """Return the published articles just before and just after this one by publish time."""
        cache_tags.shows(self.neighbours_tag)
        published = Article.objects.published().only("title", "slug", "published_at")
        earlier = models.Q(published_at__lt=self.published_at) | models.Q(
            published_at=self.published_at, pk__lt=self.pk
        )
        later = models.Q(published_at__gt=self.published_at) | models.Q(
            published_at=self.published_at, pk__gt=self.pk
        )
        # The bounds on published_at alone let article_neighbours_idx start at this article and read one row.
        # Read as stored, then both dressed at once: one query for their translations, not two.
        published = published.as_stored()
        previous = published.filter(earlier, published_at__lte=self.published_at).order_by(
            "-published_at", "-pk"
        )
        following = published.filter(later, published_at__gte=self.published_at).order_by(
            "published_at", "pk"
        )
        found = [rows.first() for rows in (previous, following)]
        overlay([item for item in found if item is not None])
        return tuple(found)

    @property
    def summary(self):
        """Return the written excerpt, or the body's first words (stored on save), without citation markers:
        a card or a feed shows no sources for them to point at."""
        if self.excerpt:
            return without_markers(self.excerpt)
        if self.body_summary or not self.body:
            return without_markers(self.body_summary)
        return without_markers(Truncator(html_to_text(self.body)).words(EXCERPT_WORDS))  # body set, not saved

    @property
    def table_of_contents(self):
        """Return the body with heading ids and its contents, as stored on save."""
        if self.body and not self.body_with_ids:
            return table_of_contents(self.body)  # not saved since the body was set
        return TableOfContents.from_json(self.body_with_ids, self.toc)

    @property
    def takeaways(self):
        return [line.strip() for line in self.key_takeaways.splitlines() if line.strip()]


class MostReadArticle(Article):
    """Published articles by how often readers opened them: a read-only admin list for staff."""

    class Meta:
        proxy = True
        ordering = ["-view_count", "-published_at"]
        verbose_name = _("most-read article")
        verbose_name_plural = _("most-read articles")


class WorkflowStep(models.TextChoices):
    SUBMITTED = "submitted", "Submitted for review"
    SENT_BACK = "sent_back", "Sent back: changes requested"
    PUBLISHED = "published", "Published"
    SCHEDULED = "scheduled", "Scheduled"
    UNSCHEDULED = "unscheduled", "Unscheduled"
    ARCHIVED = "archived", "Archived"
    WITHDRAWN = "withdrawn", "Taken back to draft"
    RESTORED = "restored", "Restored to draft"


class WorkflowEvent(models.Model):
    """One step of an article through its lifecycle (articles/lifecycle.py), with its comment."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="workflow_events")
    step = models.CharField(max_length=20, choices=WorkflowStep)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(blank=True)
    version_id = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("The article's history version this step left it at.")
    )
    publish_time = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workflow step")

    def __str__(self):
        return f"{self.get_step_display()}: {self.article}"


@translated
class ArticleTranslation(RichTextMixin, Translation):
    """An article in another language, reviewed on its own; its derived fields are worked out as the
    original's are, so that the page's contents, reading time and excerpt are the translation's."""

    original = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(max_length=200)
    dek = models.CharField(_("subtitle"), max_length=300, blank=True)
    excerpt = models.TextField(blank=True)
    key_takeaways = models.TextField(blank=True)
    body = models.TextField()
    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=170, blank=True)
    featured_image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    featured_image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    reading_time = models.PositiveSmallIntegerField(default=1, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    body_summary = models.TextField(blank=True, editable=False)
    body_text = models.TextField(blank=True, editable=False)
    body_with_ids = models.TextField(blank=True, editable=False)
    toc = models.JSONField(default=dict, blank=True, editable=False)

    review_fields = ("title", "dek", "excerpt", "key_takeaways", "body")
    # Shown in place of the original's even when empty: an English SEO title must not head a Spanish page.
    presentation_fields = ("seo_title", "seo_description", "featured_image_alt", "featured_image_caption")
    held_whole = False  # thousands of bodies: read for the articles a page shows
    history = HistoricalRecords()
    body_html = RichText("body")

    class Meta:
        verbose_name = _("article translation")
        constraints = [
            models.UniqueConstraint(fields=["original", "language"], name="article_translation_once")
        ]

    derive_from_body = Article.derive_from_body

    def clean_rich_text(self):
        super().clean_rich_text()
        self.derive_from_body()

    def apply(self, original):
        for name in self.loaded((*self.presentation_fields, "reading_time", *DERIVED_FIELDS)):
            setattr(original, name, getattr(self, name))
        return super().apply(original)


@translated
class CategoryTranslation(Translation):
    original = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True)

    review_fields = ("name", "description")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("category translation")
        constraints = [
            models.UniqueConstraint(fields=["original", "language"], name="category_translation_once"),
        ]


@translated
class TagTranslation(Translation):
    original = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(max_length=100)

    review_fields = ("name",)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tag translation")
        constraints = [
            models.UniqueConstraint(fields=["original", "language"], name="tag_translation_once"),
        ]


@translated
class AuthorTranslation(Translation):
    """An author's role and bio in another language; their name is their own."""

    original = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="translations")
    role = models.CharField(max_length=200, blank=True)
    bio = models.TextField(blank=True)

    review_fields = ("role", "bio")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("author translation")
        constraints = [
            models.UniqueConstraint(fields=["original", "language"], name="author_translation_once"),
        ]
