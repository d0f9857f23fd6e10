from django.conf import settings
from django.core.cache import cache
from django.db import models

from .richtext import RichText, RichTextMixin

SITE_PROFILE_CACHE_KEY = "clinic:site-profile"


class SiteProfileManager(models.Manager):
    def get_current(self):
        """Return the one site profile, from the cache when possible, creating it with defaults if missing."""
        profile = cache.get(SITE_PROFILE_CACHE_KEY)
        if profile is None:
            profile, _ = self.get_or_create(pk=1)
            cache.set(SITE_PROFILE_CACHE_KEY, profile, timeout=None)
        return profile


class SiteProfile(RichTextMixin, models.Model):
    """The clinic's name and contact details, shown in the header, footer and structured data."""

    name = models.CharField(max_length=120, default="Ketamine Clinic")
    tagline = models.CharField(max_length=200, blank=True)
    phone = models.CharField(
        max_length=40, blank=True, help_text="As patients should dial it, e.g. (555) 010-0142."
    )
    email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("state", max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="US", help_text="Two-letter country code.")
    opening_hours = models.CharField(
        max_length=100, blank=True, help_text="schema.org format, e.g. Mo-Fr 08:00-18:00."
    )
    booking_url = models.URLField("booking link", blank=True)
    crisis_line = models.CharField(
        max_length=20,
        default="988",
        help_text="Shown on every page; 988 is the US Suicide & Crisis Lifeline.",
    )
    intro = models.TextField(
        "home page introduction",
        blank=True,
        help_text="What ketamine treatment is, in plain words; the first thing on the home page.",
    )
    disclaimer = models.TextField(
        "medical disclaimer",
        default=(
            "This site offers general information, not medical advice. Talk with a clinician about your own "
            "situation."
        ),
    )

    objects = SiteProfileManager()
    intro_html = RichText("intro")

    class Meta:
        verbose_name = "site profile"
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="site_profile_singleton")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(SITE_PROFILE_CACHE_KEY)

    @property
    def phone_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""

    @property
    def address_lines(self):
        city_line = " ".join(part for part in (self.locality + ("," if self.region else ""), self.region,
                                               self.postal_code) if part)  # fmt: skip
        return [line for line in (self.street_address, city_line.strip(" ,")) if line]


class KeyFactQuerySet(models.QuerySet):
    def listed(self):
        """Return the facts shown on the home page, in staff's order."""
        return self.filter(is_listed=True)


class KeyFact(models.Model):
    """A figure on the home page; every figure carries the source it comes from."""

    figure = models.CharField(
        max_length=40, help_text="The number or short phrase shown large, e.g. '2 hours'."
    )
    text = models.CharField(max_length=250, help_text="One sentence that explains the figure.")
    source_text = models.CharField("source", max_length=300, help_text="The citation, e.g. the FDA label.")
    source_url = models.URLField("source link", max_length=500)
    is_listed = models.BooleanField("listed", default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = KeyFactQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.figure}: {self.text}"


class Autosave(models.Model):
    """What someone typed into an admin form and has not saved yet: one per person and object.

    Kept apart from the saved versions (it has no history and never changes the object itself); saving
    or discarding the form deletes it. base_version is the edit-conflict token of the version the form
    was opened on, so restoring it can never overwrite someone else's save without a warning.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, blank=True, help_text="Empty for something not yet added.")
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
    """An old public address that answers with a permanent redirect to where its page lives now."""

    old_path = models.CharField(
        "old address",
        max_length=300,
        unique=True,
        help_text="The path readers used, e.g. /articles/old-name/.",
    )
    new_path = models.CharField(
        "new address", max_length=300, help_text="Where they go now, e.g. /articles/new-name/."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"
