from django.db import models

from . import cache
from .richtext import RichText, RichTextMixin


class SiteProfileManager(models.Manager):
    last_seen = None

    def get_current(self):
        """Return the one site profile, from the shared cache when possible, creating it if missing.

        Saving the profile starts a new cache generation for it (clinic/core/cache.py), so every worker of
        every server shows the change on its next request.
        """
        profile = cache.get_or_compute(
            "site-profile", lambda: self.get_or_create(pk=1)[0], depends_on=[self.model._meta.label_lower]
        )
        self.last_seen = profile  # for the outage page only, when neither database nor cache answers
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
