"""The editorial workflow: where an article stands, the buttons that move it, and who is told.

Draft → (Submit for review) → In review → (Publish now | Schedule | Send back with a comment) → Live or
Scheduled or Draft again; a scheduled article can be unscheduled. Each step is recorded as a
WorkflowEvent with its comment and the history version it left, tells the people who act next by email
(Django's email settings), and answers with a plain message saying what happened.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from clinic.core.dashboard import Count, Panel, Waiting
from clinic.core.review_dates import overdue

from .models import Article, Status, WorkflowEvent, WorkflowStep

SUBMIT, SEND_BACK, PUBLISH, SCHEDULE, UNSCHEDULE = "submit", "send_back", "publish", "schedule", "unschedule"
BUTTONS = {
    SUBMIT: "Submit for review",
    SEND_BACK: "Send back with a comment",
    PUBLISH: "Publish now",
    SCHEDULE: "Schedule",
    UNSCHEDULE: "Unschedule",
}
WAITING_LIMIT = 10


def is_editor(user):
    return user.has_perm("articles.publish_article")


def when(moment):
    """Return a time as people say it: "Tue 2 Dec, 9:00"."""
    return date_format(timezone.localtime(moment), "D j M, G:i")


# Where an article stands

DRAFT, IN_REVIEW, SCHEDULED, LIVE, ARCHIVED, OVERDUE, MINE = (
    "draft",
    "in_review",
    "scheduled",
    "live",
    "archived",
    "overdue",
    "mine",
)
STAGE_LABELS = {
    DRAFT: "Draft",
    IN_REVIEW: "In review",
    SCHEDULED: "Scheduled",
    LIVE: "Live",
    ARCHIVED: "Archived",
}
BADGE_CLASSES = {
    DRAFT: "draft",
    IN_REVIEW: "review",
    SCHEDULED: "scheduled",
    LIVE: "live",
    ARCHIVED: "archived",
}


def stage(article):
    if article.status == Status.PUBLISHED:
        return LIVE if article.is_public else SCHEDULED
    return {Status.DRAFT: DRAFT, Status.IN_REVIEW: IN_REVIEW}.get(article.status, ARCHIVED)


def is_review_overdue(article):
    return article.is_public and article.review_is_overdue


def status_badge(article):
    """Return the article's badges as HTML: its stage (a scheduled one with its time), and Review overdue."""
    current = stage(article)
    label = STAGE_LABELS[current]
    if current == SCHEDULED:
        label = f"Scheduled · {when(article.published_at)}"
    badge = format_html('<span class="badge badge-{}">{}</span>', BADGE_CLASSES[current], label)
    if is_review_overdue(article):
        badge += format_html(
            ' <span class="badge badge-overdue" title="Next review was due {}">Review overdue</span>',
            date_format(article.review_due, "j M Y"),
        )
    return badge


def stage_q(name, user=None):
    now, today = timezone.now(), timezone.localdate()
    return {
        DRAFT: models.Q(status=Status.DRAFT),
        IN_REVIEW: models.Q(status=Status.IN_REVIEW),
        SCHEDULED: models.Q(status=Status.PUBLISHED, published_at__gt=now),
        LIVE: models.Q(status=Status.PUBLISHED, published_at__lte=now),
        ARCHIVED: models.Q(status=Status.ARCHIVED),
        OVERDUE: models.Q(status=Status.PUBLISHED, published_at__lte=now) & overdue(today),
        MINE: models.Q(status=Status.DRAFT, author__user=user),
    }[name]


class StageFilter(admin.SimpleListFilter):
    title = "where it stands"
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return [
            (DRAFT, "Draft"),
            (IN_REVIEW, "In review"),
            (SCHEDULED, "Scheduled"),
            (LIVE, "Live"),
            (ARCHIVED, "Archived"),
            (OVERDUE, "Review overdue"),
            (MINE, "My drafts"),
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookups(request, None)):
            return queryset.filter(
                stage_q(self.value(), request.user)
            )  # ordered by ArticleAdmin.get_ordering
        return queryset


def stage_rank():
    """An annotation that lists what needs an editor first: in review, drafts, scheduled, live, archived."""
    now = timezone.now()
    return models.Case(
        models.When(status=Status.IN_REVIEW, then=0),
        models.When(status=Status.DRAFT, then=1),
        models.When(status=Status.PUBLISHED, published_at__gt=now, then=2),
        models.When(status=Status.PUBLISHED, then=3),
        default=4,
        output_field=models.IntegerField(),
    )


# The buttons


def available_actions(article, user):
    """Return the workflow buttons user may press on article (None: one not yet added), in order."""
    status = article.status if article is not None else Status.DRAFT
    public = article is not None and article.is_public
    actions = []
    if status == Status.DRAFT:
        actions.append(SUBMIT)
    if is_editor(user):
        if status == Status.IN_REVIEW or (article is not None and article.is_scheduled):
            actions.append(SEND_BACK)
        if not public:
            actions += [PUBLISH, SCHEDULE]
        if article is not None and article.is_scheduled:
            actions.append(UNSCHEDULE)
    return actions


class WorkflowFormMixin(forms.Form):
    """The workflow buttons (name "_workflow") applied in the form, so every rule of a save still holds:
    the publishing rule by the fields, the edit-conflict check, the author's narrower choices."""

    workflow_comment = forms.CharField(
        label="Comment for the author or editors",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Kept with the article and sent with the notification. Needed when sending back.",
    )
    request_user = None  # set by the admin's get_form (FormKnowsUserMixin)

    def clean(self):
        cleaned_data = super().clean()
        action = self.data.get("_workflow")
        if not action:
            return cleaned_data
        original = self.instance if self.instance.pk else None
        if self.request_user is None or action not in available_actions(original, self.request_user):
            raise ValidationError(
                "That step isn't open to you for this article now; nothing was changed. "
                "Reload the page to see "
                "where it stands.",
                code="workflow_refused",
            )
        comment = (cleaned_data.get("workflow_comment") or "").strip()
        now = timezone.now()
        if action == SUBMIT:
            cleaned_data["status"] = Status.IN_REVIEW
        elif action == SEND_BACK:
            if not comment:
                self.add_error("workflow_comment", "Say what needs to change: the author reads this comment.")
            cleaned_data["status"] = Status.DRAFT
            if original is not None and original.is_scheduled:
                cleaned_data["published_at"] = None
        elif action == PUBLISH:
            cleaned_data["status"] = Status.PUBLISHED
            cleaned_data["published_at"] = now
        elif action == SCHEDULE:
            publish_time = cleaned_data.get("published_at")
            if publish_time is None or publish_time <= now:
                self.add_error(
                    "published_at", "To schedule, set a publish time in the future, then press Schedule."
                )
            cleaned_data["status"] = Status.PUBLISHED
        elif action == UNSCHEDULE:
            cleaned_data["status"] = Status.IN_REVIEW
            cleaned_data["published_at"] = None
        return cleaned_data


# What happened, who is told


def _stage_of(status, published_at):
    if status == Status.PUBLISHED:
        return LIVE if published_at is not None and published_at <= timezone.now() else SCHEDULED
    return {Status.DRAFT: DRAFT, Status.IN_REVIEW: IN_REVIEW}.get(status, ARCHIVED)


def step_between(before, article):
    """Return the WorkflowStep that moving from before ({status, published_at}, or None when new) to article
    is, or None when it stands where it stood."""
    old = _stage_of(before["status"], before["published_at"]) if before else None
    new = stage(article)
    if new == old:
        moved = new == SCHEDULED and before["published_at"] != article.published_at
        return WorkflowStep.SCHEDULED if moved else None
    if new == LIVE:
        return WorkflowStep.PUBLISHED
    if new == SCHEDULED:
        return WorkflowStep.SCHEDULED
    if new == IN_REVIEW:
        return WorkflowStep.UNSCHEDULED if old == SCHEDULED else WorkflowStep.SUBMITTED
    if new == DRAFT:
        return WorkflowStep.SENT_BACK if old in (IN_REVIEW, SCHEDULED, LIVE) else None
    return WorkflowStep.ARCHIVED


def editors_to_tell(exclude=None):
    User = get_user_model()
    editors = User.objects.filter(
        models.Q(groups__permissions__codename="publish_article")
        | models.Q(user_permissions__codename="publish_article")
        | models.Q(is_superuser=True),
        is_active=True,
    ).exclude(email="")
    if exclude is not None:
        editors = editors.exclude(pk=exclude.pk)
    return sorted({user.email for user in editors})


def author_to_tell(article, exclude=None):
    user = article.author.user if article.author_id else None
    if (
        user is None
        or not user.is_active
        or not user.email
        or (exclude is not None and user.pk == exclude.pk)
    ):
        return None
    return user


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "someone"


def record_step(request, article, before, comment=""):
    """Record the step from before to article's state now, tell who acts next; return the message, or None."""
    step = step_between(before, article)
    if step is None:
        return None
    user = request.user
    version_id = article.history.order_by("-history_id").values_list("history_id", flat=True).first()
    WorkflowEvent.objects.create(
        article=article,
        step=step,
        actor=user,
        comment=comment,
        version_id=version_id,
        publish_time=article.published_at if step == WorkflowStep.SCHEDULED else None,
    )
    link = request.build_absolute_uri(reverse("admin:articles_article_change", args=[article.pk]))
    said = f"\n\n{_name(user)} wrote:\n{comment}\n" if comment else "\n"
    author = author_to_tell(article, exclude=user)
    author_name = article.author.display_name if article.author_id else "The author"
    told_author = f" {author_name} has been told." if author else ""

    if step == WorkflowStep.SUBMITTED:
        editors = editors_to_tell(exclude=user)
        _send(
            f"Waiting for review: {article.title}",
            f"{_name(user)} submitted “{article.title}” for review.{said}\nReview it: {link}\n",
            editors,
        )
        return (
            "Submitted; the editors have been told."
            if editors
            else ("Submitted for review. No editor has an email address on file, so nobody was emailed.")
        )
    if step == WorkflowStep.SENT_BACK:
        _send(
            f"Changes requested: {article.title}",
            f"{_name(user)} sent “{article.title}” back to you: changes requested.{said}\nEdit it: {link}\n",
            [author.email] if author else [],
        )
        return f"Sent back to draft with your comment.{told_author}"
    if step == WorkflowStep.PUBLISHED:
        public = request.build_absolute_uri(article.get_absolute_url())
        _send(
            f"Published: {article.title}",
            f"{_name(user)} published “{article.title}”. It is live at {public}{said}",
            [author.email] if author else [],
        )
        return f"Published; it is live at {article.get_absolute_url()}.{told_author}"
    if step == WorkflowStep.SCHEDULED:
        _send(
            f"Scheduled for {when(article.published_at)}: {article.title}",
            f"{_name(user)} scheduled “{article.title}” to go live on {when(article.published_at)}."
            f"{said}\n{link}\n",
            [author.email] if author else [],
        )
        return f"Scheduled for {when(article.published_at)}.{told_author}"
    if step == WorkflowStep.UNSCHEDULED:
        return "Unscheduled; it won't go live and is back in review."
    return "Archived; it is no longer on the site."


def _send(subject, body, recipients):
    if recipients:
        send_mail(subject, body, None, recipients, fail_silently=False)


def last_reviewed_version(article):
    """Return the WorkflowEvent of the last review decision (publish, schedule, send back), or None."""
    return (
        article.workflow_events.filter(
            step__in=[WorkflowStep.PUBLISHED, WorkflowStep.SCHEDULED, WorkflowStep.SENT_BACK],
            version_id__isnull=False,
        )
        .select_related("actor")
        .first()
    )


# The admin home page


def editorial_panel(request):
    user = request.user
    if not user.has_perm("articles.change_article"):
        return None
    changelist = reverse("admin:articles_article_changelist")
    articles = Article.objects.all()
    counts = []
    waiting = []
    if is_editor(user):
        for label, name in (
            ("awaiting review", IN_REVIEW),
            ("scheduled", SCHEDULED),
            ("review overdue", OVERDUE),
        ):
            counts.append(Count(label, articles.filter(stage_q(name)).count(), f"{changelist}?stage={name}"))
        in_review = articles.filter(status=Status.IN_REVIEW).select_related("author__person")
        for article in in_review[:WAITING_LIMIT]:
            waiting.append(
                Waiting(
                    article.title,
                    reverse("admin:articles_article_change", args=[article.pk]),
                    status_badge(article),
                    f"by {article.author.display_name}: review it",
                )
            )
        overdue = articles.filter(stage_q(OVERDUE)).order_by("next_review_due")[:WAITING_LIMIT]
        for article in overdue:
            waiting.append(
                Waiting(
                    article.title,
                    reverse("admin:articles_article_change", args=[article.pk]),
                    status_badge(article),
                    "review the medical content again",
                )
            )
    if hasattr(user, "author_profile"):
        mine = articles.filter(stage_q(MINE, user))
        counts.append(Count("my drafts", mine.count(), f"{changelist}?stage={MINE}"))
        for article in mine.prefetch_related("workflow_events")[:WAITING_LIMIT]:
            events = list(article.workflow_events.all())
            latest = events[0] if events else None
            if latest is not None and latest.step == WorkflowStep.SENT_BACK:
                note = f"changes requested by {_name(latest.actor)}: {latest.comment}"
                waiting.append(
                    Waiting(
                        article.title,
                        reverse("admin:articles_article_change", args=[article.pk]),
                        status_badge(article),
                        note,
                    )
                )
    return Panel("Waiting for you", counts=counts, waiting=waiting)
