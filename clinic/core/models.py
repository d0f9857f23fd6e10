from urllib.parse import urlsplit

from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

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
    crisis_line_name = models.CharField(
        "crisis line name",
        max_length=100,
        default="988 Suicide & Crisis Lifeline",
        help_text="The crisis line's name as readers see it on every page.",
    )
    crisis_line = models.CharField(
        "crisis line number",
        max_length=20,
        default="988",
        help_text="The number to call or text, shown on every page; 988 is the US Suicide & Crisis Lifeline.",
    )
    crisis_chat_url = models.URLField(
        "crisis chat link",
        blank=True,
        default="https://988lifeline.org/chat/",
        help_text="Where readers can chat with the crisis line online; leave empty if it has no chat.",
    )
    emergency_number = models.CharField(
        max_length=20, default="911", help_text="The emergency number, shown beside the crisis line."
    )
    intro = models.TextField(
        "home page introduction",
        blank=True,
        help_text="What ketamine treatment is, in plain words; the first thing on the home page.",
    )
    disclaimer = models.TextField(
        "medical disclaimer",
        # A number typed here would go stale when the crisis fields change: pages show those beside it.
        validators=[NO_PHONE_NUMBERS],
        help_text="Without phone numbers: every page shows the crisis line and emergency number beside it.",
        default=(
            "This site offers general information, not medical advice. Talk with a clinician about your own "
            "situation."
        ),
    )

    objects = SiteProfileManager()
    history = HistoricalRecords()
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
        return _tel(self.phone)

    @property
    def crisis_line_href(self):
        return _tel(self.crisis_line)

    @property
    def emergency_href(self):
        return _tel(self.emergency_number)

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


def _tel(number):
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


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
