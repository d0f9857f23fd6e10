"""What a site knows of the clinical library: the version it holds, where each item came from, and the
changes a newer version proposes, each waiting for someone at the clinic to accept it or keep their own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LibraryState(models.Model):
    """The library version this site holds: the newest one loaded (manage.py load_library)."""

    version = models.PositiveIntegerField()
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("library version")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="library_state_singleton")]

    def __str__(self):
        return f"Clinical library, version {self.version}"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current_version(cls):
        return cls.objects.values_list("version", flat=True).first()


class ItemKind(models.TextChoices):
    SOURCE = "source", "Source"
    PERSON = "person", "Medical reviewer"
    CONDITION_GROUP = "condition-group", "Condition group"
    ROUTE = "route", "Treatment route"
    CONTRAINDICATION = "contraindication", "Contraindication"
    INTERACTION = "interaction", "Medicine interaction"
    CONDITION = "condition", "Condition"
    CANDIDATE = "candidate", "Typical candidate"
    KEY_FACT = "key-fact", "Key fact"


class LibraryItem(models.Model):
    """An item's origin: the library's values for it, as of the version this site last took or declined.

    A newer library is compared with these values, not with the site's rows, so a clinic's own edit is
    never mistaken for a change in the library, and only what the library changed is proposed.
    """

    kind = models.CharField(max_length=20, choices=ItemKind)
    key = models.CharField(max_length=250, help_text=_("The item's slug (a source's key, a fact's figure)."))
    version = models.PositiveIntegerField(help_text=_("The library version these values come from."))
    values = models.JSONField()
    # The site's row (empty: found by its key); an item whose slug the clinic changed stays the same item.
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="library_item_once")]

    def __str__(self):
        return f"{self.get_kind_display()} “{self.key}” (library version {self.version})"


class Change(models.TextChoices):
    ADDED = "added", "Added"
    CHANGED = "changed", "Changed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Status(models.TextChoices):
    OPEN = "open", "Waiting for a decision"
    ACCEPTED = "accepted", "Accepted"
    KEPT = "kept", "Kept ours"
    SUPERSEDED = "superseded", "Replaced by a newer version's proposal"


class LibraryProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Status.OPEN)


class LibraryProposal(models.Model):
    """One item a newer library version adds, changes or withdraws, proposed to this site.

    Nothing on the site changes until someone accepts it; keeping ours leaves the site's item as it is.
    Either way the decision, who made it and when are kept.
    """

    kind = models.CharField(max_length=20, choices=ItemKind)
    key = models.CharField(max_length=250)
    name = models.CharField(max_length=250, help_text=_("The item's name, as the library gives it."))
    change = models.CharField(max_length=20, choices=Change)
    values = models.JSONField(help_text=_("The library's values for the item; empty for a withdrawal."))
    fields = models.JSONField(
        default=list, help_text=_("The fields the library changed that the site shows otherwise now.")
    )
    library_version = models.PositiveIntegerField()
    reason = models.TextField(blank=True, help_text=_("The library changelog's reason for the change."))
    source_key = models.CharField(
        _("source"), max_length=80, blank=True, help_text=_("The bibliography key of the source behind it.")
    )
    safety = models.BooleanField(
        _("safety correction"),
        default=False,
        help_text=_("The library marks it as correcting a safety risk."),
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = LibraryProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-safety", "-library_version", "kind", "key"]
        verbose_name = _("proposed library change")
        indexes = [models.Index(fields=["status", "safety"], name="library_proposal_open_idx")]

    def __str__(self):
        change = self.get_change_display().lower()
        return f"{self.get_kind_display()} “{self.name}”: {change} in version {self.library_version}"

    @property
    def is_open(self):
        return self.status == Status.OPEN
