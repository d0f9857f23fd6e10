"""The editorial workflow on screen: the article's badge, its buttons, the list's filter and order, and the
admin home's panel, all read from the lifecycle's tables (articles/lifecycle.py), where the states and the
steps between them are declared.

A button ("_workflow") or a change of the status field names a step; the change form checks it with
everything else it checks, so a refused step leaves the article as it was, the page shows where it
really stands with the same buttons, says what to fix and keeps what was typed. The admin's save then
takes the step (Article.take), which records it, tells who acts next and answers with a plain message.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from domain.review_dates import overdue
from editorial.dashboard import Count, Panel, Waiting

from . import lifecycle
from .lifecycle import DRAFT, LIVE, person_name, when  # noqa: F401 (when: for callers)
from .models import Article, WorkflowStep

WAITING_LIMIT = 10


def is_editor(user):
    return lifecycle.EDITORS.includes(user)


# The lists beyond the states, built on them and offered by the same filter.


@dataclass(frozen=True)
class Shortlist:
    key: str  # the list filter's ?stage= value
    label: str
    rows: object  # (user, now) -> the condition on Article rows
    count_label: str  # its count on the admin home
    order: tuple[str, ...] = ()
    queue_note: str = ""  # listed under "Waiting for you" with this note


OVERDUE = Shortlist(
    "overdue",
    pgettext_lazy("article stage", "Review overdue"),
    lambda user, now: LIVE.q(now) & overdue(timezone.localdate()),
    count_label=pgettext_lazy("number of articles …", "review overdue"),
    order=("next_review_due",),  # longest overdue first
    queue_note=gettext_lazy("review the medical content again"),
)
MINE = Shortlist(
    "mine",
    pgettext_lazy("article stage", "My drafts"),
    lambda user, now: DRAFT.q(now) & models.Q(author__user=user),
    count_label=pgettext_lazy("number of articles …", "my drafts"),
)
SHORTLISTS = (OVERDUE, MINE)


def stage_q(name, user=None):
    """Return the rows of the state or shortlist called name (the list filter's ?stage= value)."""
    now = timezone.now()
    for state in lifecycle.STATES:
        if state.key == name:
            return state.q(now)
    return next(shortlist for shortlist in SHORTLISTS if shortlist.key == name).rows(user, now)


def stage_lookups():
    return [(state.key, state.label) for state in lifecycle.STATES] + [
        (short.key, short.label) for short in SHORTLISTS
    ]


def list_order(name):
    """Return the order of the list filtered to name, or None for the editors' order."""
    orders = {item.key: item.list_order for item in lifecycle.STATES} | {
        item.key: item.order for item in SHORTLISTS
    }
    return list(orders.get(name) or ()) or None


class StageFilter(admin.SimpleListFilter):
    title = gettext_lazy("where it stands")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return stage_lookups()

    def queryset(self, request, queryset):
        if self.value() in dict(stage_lookups()):
            return queryset.filter(
                stage_q(self.value(), request.user)
            )  # ordered by ArticleAdmin.get_ordering
        return queryset


def stage_rank():
    """An annotation that lists what needs an editor first, in the states' rank (in review, drafts, …)."""
    now = timezone.now()
    return models.Case(
        *(models.When(state.q(now), then=state.rank) for state in lifecycle.STATES),
        default=len(lifecycle.STATES),
        output_field=models.IntegerField(),
    )


def is_review_overdue(article):
    return article.stage is LIVE and article.review_is_overdue


def status_badge(article):
    """Return the article's badges as HTML: its state (a scheduled one with its time), and Review overdue."""
    state = article.stage
    label = f"{state.label} · {when(article.published_at)}" if state.badge_with_time else state.label
    badge = format_html('<span class="badge badge-{}">{}</span>', state.badge, label)
    if is_review_overdue(article):
        badge += format_html(
            ' <span class="badge badge-overdue" title="{}">{}</span>',
            _("Next review was due %(date)s") % {"date": date_format(article.review_due, "j M Y")},
            _("Review overdue"),
        )
    return badge


def step_between(before, article):
    """Return the WorkflowStep that moving from before ({status, published_at}, or None when new) to where
    article's fields put it now would record, or None when it stands where it stood."""
    old = lifecycle.state_for(before["status"], before["published_at"]) if before else lifecycle.NEW
    new = article.stage
    rescheduled = (
        new is old and new.goes_live == lifecycle.FUTURE and before["published_at"] != article.published_at
    )
    if new is old and not rescheduled:
        return None
    steps = lifecycle.transitions_between(old, new)
    return steps[0].step if steps else None


# The buttons


class WorkflowFormMixin(forms.Form):
    """The lifecycle's steps taken through the change form: a button (name "_workflow") or a change of the
    status field. The step is checked with the rest of the form, so every rule of a save still holds (the
    edit-conflict check, the author's narrower choices) and a refused step changes nothing."""

    workflow_comment = forms.CharField(
        label=gettext_lazy("Comment for the author or editors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=gettext_lazy(
            "Kept with the article and sent with the notification. Needed when sending back."
        ),
    )
    request_user = None  # set by the admin's get_form (FormKnowsUserMixin)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = None  # the step this save takes, once the form is valid
        self.step_time = None  # the publish time that step is given
        self.pressed = None  # the step a button asked for, once it is known to be open

    @cached_property
    def _stored(self):
        # Read from the database: validation puts the typed values on the instance, and on the history page
        # the instance is an old version.
        row = None
        if self.instance.pk:
            row = Article.objects.filter(pk=self.instance.pk).values_list("status", "published_at").first()
        return (lifecycle.state_for(*row), row[1]) if row else (lifecycle.NEW, None)

    @property
    def stored_state(self):
        """Where the article stands in the database (a new one: a draft)."""
        return self._stored[0]

    @property
    def comment(self):
        return (self.cleaned_data.get("workflow_comment") or "").strip()

    def clean(self):
        cleaned_data = super().clean()
        name = self.data.get("_workflow")
        if not name:
            return cleaned_data
        transition = lifecycle.named(name)
        if transition is None or transition not in lifecycle.transitions_from(
            self.stored_state, self.request_user
        ):
            raise ValidationError(lifecycle.NOT_OPEN, code="workflow_refused")
        self.pressed = transition
        # The button says where the article goes; the status field keeps what is stored until the step.
        cleaned_data["status"] = self.stored_state.status
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()  # the typed values are on the instance now, and the model's rules checked
        if self.has_error(NON_FIELD_ERRORS, code="workflow_refused"):
            return
        article = self.instance
        if self.pressed is not None:
            transition = self.pressed
            # Publish now means now; Schedule takes the time typed.
            at = article.published_at if transition.target.goes_live == lifecycle.FUTURE else None
        else:
            transition, at = self._step_by_status_field(article), article.published_at
        if transition is None:
            return
        self.transition, self.step_time = transition, at
        errors = lifecycle.unmet(transition, article, self.request_user, comment=self.comment, at=at)
        for name, message in errors.items():
            if message not in self.errors.get(name, []):  # the model's clean() may have said it already
                self.add_error(name if name in self.fields else None, message)

    def _step_by_status_field(self, article):
        before, after = self.stored_state, article.stage
        rescheduled = after is before and after.goes_live == lifecycle.FUTURE
        if after is before and not (rescheduled and article.published_at != self._stored[1]):
            return None
        steps = [t for t in lifecycle.transitions_between(before, after) if t.open_to(self.request_user)]
        if not steps:
            onward = ", ".join(
                str(t.verb) for t in lifecycle.transitions_from(before, self.request_user)
            ) or _("nothing")
            self.add_error(
                "status" if "status" in self.fields else None,
                _(
                    "An article that is %(before)s can't become %(after)s in one step. From %(before)s it "
                    "can be: %(onward)s."
                )
                % {"before": before.phrase, "after": after.phrase, "onward": onward},
            )
            return None
        # The first step the form meets the needs of (a comment typed: sent back with it); else the first,
        # whose needs are then shown.
        comment = self.comment
        for step in steps:
            if not lifecycle.unmet(
                step, article, self.request_user, comment=comment, at=article.published_at
            ):
                return step
        return steps[0]


def refused_step(form, request):
    """Return the step the page shown again asked for and didn't take (a button pressed now, or one refused
    before and carried in the form), while it is still open; else None."""
    if not form.is_bound or not form.errors:
        name = None
    else:
        name = request.POST.get("_workflow") or request.POST.get("workflow_refused")
    transition = lifecycle.named(name)
    if transition is None or transition not in lifecycle.transitions_from(form.stored_state, request.user):
        return None
    return transition


def still_not_taken(request, form, article):
    """After a plain save that follows a refused step: say plainly the step wasn't taken, or None."""
    transition = lifecycle.named(request.POST.get("workflow_refused"))
    if transition is None or article.stage is not form.stored_state:
        return None
    if transition not in lifecycle.transitions_from(article.stage, request.user):
        return None
    return _("Saved, but not %(verb)s: it is still %(stage)s. Press “%(button)s” when it is ready.") % {
        "verb": transition.verb,
        "stage": article.stage.phrase,
        "button": transition.button,
    }


def workflow_bar(article, user, form=None, request=None, may_change=True):
    """Return the change page's workflow bar: the badge and the buttons of where article stands (as stored),
    and, on a page shown again, the step that was refused and what to fix."""
    steps = (
        article.transitions_for(user)
        if article is not None
        else lifecycle.transitions_from(lifecycle.NEW, user)
    )
    context = {
        "workflow_buttons": [(t.name, t.button) for t in steps if t.button] if may_change else [],
        "status_badge": status_badge(article) if article is not None else None,
    }
    refused = refused_step(form, request) if form is not None and request is not None else None
    if refused is not None and may_change:
        context["workflow_refused"] = {
            "name": refused.name,
            "verb": refused.verb,
            "button": refused.button,
            "fixes": _what_to_fix(form),
        }
    return context


def _what_to_fix(form):
    """Return the form's errors as lines a person can act on: each field's label and message."""
    lines = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            lines.append(f"{label}: {error}" if label else error)
    return lines


def last_reviewed_version(article):
    """Return the WorkflowEvent of the last review decision (publish, schedule, send back), or None."""
    return (
        article.workflow_events.filter(step__in=lifecycle.decided_review_steps(), version_id__isnull=False)
        .select_related("actor")
        .first()
    )


# The admin home page


def _change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def editorial_panel(request):
    user = request.user
    if not user.has_perm("articles.change_article"):
        return None
    changelist = reverse("admin:articles_article_changelist")
    articles = Article.objects.all()
    now = timezone.now()
    counts = []
    waiting = []
    if is_editor(user):
        for state in lifecycle.STATES:
            if state.editors_count:
                number = articles.filter(state.q(now)).count()
                counts.append(Count(state.editors_count, number, f"{changelist}?stage={state.key}"))
        overdue_articles = articles.filter(OVERDUE.rows(user, now))
        counts.append(
            Count(OVERDUE.count_label, overdue_articles.count(), f"{changelist}?stage={OVERDUE.key}")
        )
        # The review queue: what waits for an editor's verdict, then what waits for a medical review again.
        for state in lifecycle.STATES:
            if state.editors_queue:
                for article in articles.filter(state.q(now)).select_related("author__person")[:WAITING_LIMIT]:
                    note = state.editors_queue.format(author=article.author.display_name)
                    waiting.append(Waiting(article.title, _change(article), status_badge(article), note))
        for article in overdue_articles.order_by(*OVERDUE.order)[:WAITING_LIMIT]:
            waiting.append(
                Waiting(article.title, _change(article), status_badge(article), OVERDUE.queue_note)
            )
    if hasattr(user, "author_profile"):
        mine = articles.filter(MINE.rows(user, now))
        counts.append(Count(MINE.count_label, mine.count(), f"{changelist}?stage={MINE.key}"))
        for article in mine.prefetch_related("workflow_events")[:WAITING_LIMIT]:
            events = list(article.workflow_events.all())
            latest = events[0] if events else None
            if latest is not None and latest.step == WorkflowStep.SENT_BACK:
                note = _("changes requested by %(name)s: %(comment)s") % {
                    "name": person_name(latest.actor),
                    "comment": latest.comment,
                }
                waiting.append(Waiting(article.title, _change(article), status_badge(article), note))
    return Panel(_("Waiting for you"), counts=counts, waiting=waiting)
