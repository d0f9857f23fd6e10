"""The article lifecycle, declared once: where an article can stand (STATES), the steps between (TRANSITIONS).

A state says how it is stored (a status, and for a published one whether its publish time has come), how
it is shown (label, badge) and listed (its place in the editors' order, its count on the admin home), and
whether authors may still edit their own article there. A transition says from which states to which, who
may take it, what it needs (a comment, a medical review, a time in the future), its button on the
article's page and its action on the list, what it is recorded as and who is told.

take() is the one way a step happens: it checks the step against the table and what the database holds,
changes the article, saves it, records the WorkflowEvent and sends the notification (an email rendered
from templates/articles/email/<step>_subject.txt and _body.txt). The model exposes it (Article.take), and
everything else reads the tables: the change form's buttons and its status field, the list's badges,
filter, order and bulk actions, the admin home's counts and the editors' review queue (articles/workflow.py,
articles/admin.py). tests/test_article_lifecycle.py walks both tables, so a new row is tested as it is added.

The order of TRANSITIONS is the order of the buttons. A change of the change form's status field is taken
as the first step declared from where the article stands to where the field puts it that the person may
take and the form meets the needs of (so an editor's "Draft" on an article in review sends it back, with
the comment if one was typed); a change no step declares is refused.

Why a table of our own and not django-fsm-2 (4.2.4, maintained, supports Django 5.2): a state machine
library models the values of one field, and ours are not: "scheduled" and "live" are one stored status
told apart by the clock, and they are what the badges, the filter, the order and the counts show, so the
library would still need this table beside it. Its conditions answer yes or no, where ours must say what
to fix next to the field that needs it. And it would bring a field class change (a migration), a
dependency and an admin integration whose buttons skip our form's checks (edit conflicts, upload
limits), for what is a hundred lines of data here.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .models import Article, Status, WorkflowStep

# When a published article goes live: already (live) or later (scheduled).
PAST, FUTURE = "past", "future"


def when(moment):
    """Return a time as people say it: "Tue 2 Dec, 9:00"."""
    return date_format(timezone.localtime(moment), "D j M, G:i")


@dataclass(frozen=True)
class Role:
    """Who may take a step: the holders of a permission."""

    permission: str
    admin_permission: str  # the ModelAdmin's has_<this>_permission, which guards its bulk action

    def includes(self, user):
        return user is not None and user.has_perm(self.permission)


WRITERS = Role("articles.change_article", "change")  # authors, for their own articles, and editors
EDITORS = Role("articles.publish_article", "publish")


@dataclass(frozen=True)
class State:
    key: str  # the list filter's ?stage= value
    label: str
    status: Status  # how it is stored
    goes_live: str | None  # for a published status: PAST (live) or FUTURE (scheduled)
    badge: str  # the badge's class: badge-<this>
    phrase: str  # "it is still <phrase>"
    rank: int  # the editors' list order: what waits for an editor comes first
    writers_edit: bool = False  # authors may still edit their own article here
    editors_count: str = ""  # counted on the admin home for editors, with this label
    editors_queue: str = ""  # listed under "Waiting for you" for editors, with this note
    list_order: tuple[str, ...] = ()  # the order of this state's own list, when not the editors' order
    badge_with_time: bool = False  # the badge says when it goes live

    def __str__(self):
        return str(self.label)

    def q(self, now=None):
        """Return the condition on Article rows for this state at now."""
        condition = models.Q(status=self.status)
        now = now or timezone.now()
        if self.goes_live == PAST:
            condition &= models.Q(published_at__lte=now)
        elif self.goes_live == FUTURE:
            condition &= models.Q(published_at__gt=now)
        return condition

    def holds(self, status, published_at, now):
        if status != self.status:
            return False
        live = published_at is not None and published_at <= now
        return self.goes_live is None or live == (self.goes_live == PAST)


# fmt: off
# Contexts for the translator (literal: xgettext reads them): a stage's name; a phrase completing "it is
# still …"; the words after a number of articles on the admin home ("3 awaiting review").
DRAFT = State("draft", pgettext_lazy("article stage", "Draft"), Status.DRAFT, None, badge="draft",
              phrase=pgettext_lazy("it is still …", "a draft"), rank=1, writers_edit=True)
IN_REVIEW = State("in_review", pgettext_lazy("article stage", "In review"), Status.IN_REVIEW, None,
                  badge="review", phrase=pgettext_lazy("it is still …", "in review"), rank=0,
                  writers_edit=True, editors_count=pgettext_lazy("number of articles …", "awaiting review"),
                  editors_queue=_("by {author}: review it"))
SCHEDULED = State("scheduled", pgettext_lazy("article stage", "Scheduled"), Status.PUBLISHED, FUTURE,
                  badge="scheduled", phrase=pgettext_lazy("it is still …", "scheduled"), rank=2,
                  editors_count=pgettext_lazy("number of articles …", "scheduled"),
                  list_order=("published_at",), badge_with_time=True)
LIVE = State("live", pgettext_lazy("article stage", "Live"), Status.PUBLISHED, PAST, badge="live",
             phrase=pgettext_lazy("it is still …", "live"), rank=3)
ARCHIVED = State("archived", pgettext_lazy("article stage", "Archived"), Status.ARCHIVED, None,
                 badge="archived", phrase=pgettext_lazy("it is still …", "archived"), rank=4)
# fmt: on

STATES = (DRAFT, IN_REVIEW, SCHEDULED, LIVE, ARCHIVED)
NEW = DRAFT  # where an article not yet saved stands


@dataclass(frozen=True)
class Attempt:
    """One try at a step: the article as it would be saved, who tries, and what they gave."""

    article: Article
    user: object
    comment: str
    at: object  # the publish time given, or None
    now: object


@dataclass(frozen=True)
class Requirement:
    unmet: object  # Attempt -> {field name: what to fix}, empty when met
    in_bulk: str  # why articles chosen on the list were left as they were: "they <this>: …"


def _comment_given(attempt):
    if attempt.comment.strip():
        return {}
    return {"workflow_comment": gettext("Say what needs to change: the author reads this comment.")}


def _medically_reviewed(attempt):
    return attempt.article.publishing_errors()


def _time_in_the_future(attempt):
    if attempt.at is not None and attempt.at > attempt.now:
        return {}
    return {"published_at": gettext("To schedule, set a publish time in the future, then press Schedule.")}


COMMENT = Requirement(_comment_given, _("need a comment for the author, which only the article's page takes"))
MEDICAL_REVIEW = Requirement(_medically_reviewed, _("need a medical reviewer and a last-reviewed date first"))
FUTURE_TIME = Requirement(
    _time_in_the_future, _("need a publish time in the future, which only the article's page takes")
)


def editors_to_tell(exclude=None):
    """Return the email addresses of the active editors, except exclude's."""
    editors = (
        get_user_model()
        .objects.filter(
            models.Q(groups__permissions__codename="publish_article")
            | models.Q(user_permissions__codename="publish_article")
            | models.Q(is_superuser=True),
            is_active=True,
        )
        .exclude(email="")
    )
    if exclude is not None:
        editors = editors.exclude(pk=exclude.pk)
    return sorted({user.email for user in editors})


def author_to_tell(article, exclude=None):
    """Return the article's author's login when they can be emailed and are not exclude, else None."""
    user = article.author.user if article.author_id else None
    if (
        user is None
        or not user.is_active
        or not user.email
        or (exclude is not None and user.pk == exclude.pk)
    ):
        return None
    return user


@dataclass(frozen=True)
class Audience:
    name: str
    recipients: object  # (article, actor) -> email addresses


NOBODY = Audience("nobody", lambda article, actor: [])
THE_EDITORS = Audience("the editors", lambda article, actor: editors_to_tell(exclude=actor))
THE_AUTHOR = Audience(
    "the author",
    lambda article, actor: [user.email] if (user := author_to_tell(article, exclude=actor)) else [],
)


@dataclass(frozen=True)
class Bulk:
    """A transition offered as an action on the list of articles."""

    name: str  # the action's name in the list's form
    description: str
    done: str  # "<done>: <titles>."


@dataclass(frozen=True)
class Transition:
    name: str  # the button's value, and the step's name in code
    sources: tuple[State, ...]
    target: State
    who: Role
    step: WorkflowStep  # what it is recorded as
    verb: str  # "Not <verb>", "Saved, but not <verb>"
    done: str  # what the person who took it reads; {address}, {when} and {author} are filled in
    done_unheard: str = ""  # … when nobody could be emailed (empty: done)
    requires: tuple[Requirement, ...] = ()
    tells: Audience = NOBODY
    button: str = ""  # its button on the article's page, if it has one
    bulk: Bulk | None = None
    decides_review: bool = False  # an editor's verdict on the text as it stood (see "changed since")

    def __str__(self):
        return self.name

    def open_to(self, user):
        return self.who.includes(user)


# fmt: off
TRANSITIONS = (
    Transition(
        "submit", sources=(DRAFT,), target=IN_REVIEW, who=WRITERS,
        tells=THE_EDITORS, button=_("Submit for review"),
        step=WorkflowStep.SUBMITTED, verb=_("submitted for review"),
        done=_("Submitted; the editors have been told."),
        done_unheard=_(
            "Submitted for review. No editor has an email address on file, so nobody was emailed."
        ),
    ),
    Transition(
        "send_back", sources=(IN_REVIEW, SCHEDULED), target=DRAFT, who=EDITORS,
        requires=(COMMENT,), tells=THE_AUTHOR, button=_("Send back with a comment"),
        step=WorkflowStep.SENT_BACK, decides_review=True, verb=_("sent back"),
        done=_("Sent back to draft with your comment. {author} has been told."),
        done_unheard=_("Sent back to draft with your comment."),
    ),
    # The list's way back to draft: it has no place to type a comment, so none is asked.
    Transition(
        "back_to_draft", sources=(IN_REVIEW, SCHEDULED, LIVE), target=DRAFT, who=EDITORS,
        tells=THE_AUTHOR,
        bulk=Bulk("send_back_to_draft", _("Send selected articles back to draft"), _("Sent back to draft")),
        step=WorkflowStep.SENT_BACK, decides_review=True, verb=_("sent back to draft"),
        done=_("Sent back to draft. {author} has been told."),
        done_unheard=_("Sent back to draft."),
    ),
    # An author taking their own submission back to work on it: nobody waits for it any more.
    Transition(
        "withdraw", sources=(IN_REVIEW,), target=DRAFT, who=WRITERS,
        step=WorkflowStep.WITHDRAWN, verb=_("taken back to draft"),
        done=_("Taken back to draft; it no longer waits for review."),
    ),
    Transition(
        "publish", sources=(DRAFT, IN_REVIEW, SCHEDULED, ARCHIVED), target=LIVE, who=EDITORS,
        requires=(MEDICAL_REVIEW,), tells=THE_AUTHOR, button=_("Publish now"),
        bulk=Bulk("publish_now", _("Publish selected articles now"), _("Published now")),
        step=WorkflowStep.PUBLISHED, decides_review=True, verb=_("published"),
        done=_("Published; it is live at {address}. {author} has been told."),
        done_unheard=_("Published; it is live at {address}."),
    ),
    Transition(
        "schedule", sources=(DRAFT, IN_REVIEW, SCHEDULED, ARCHIVED), target=SCHEDULED, who=EDITORS,
        requires=(MEDICAL_REVIEW, FUTURE_TIME), tells=THE_AUTHOR, button=_("Schedule"),
        step=WorkflowStep.SCHEDULED, decides_review=True, verb=_("scheduled"),
        done=_("Scheduled for {when}. {author} has been told."),
        done_unheard=_("Scheduled for {when}."),
    ),
    Transition(
        "unschedule", sources=(SCHEDULED,), target=IN_REVIEW, who=EDITORS,
        button=_("Unschedule"),
        bulk=Bulk("unschedule", _("Unschedule selected articles (back to review)"),
                  _("Unscheduled (back in review)")),
        step=WorkflowStep.UNSCHEDULED, verb=_("unscheduled"),
        done=_("Unscheduled; it won't go live and is back in review."),
    ),
    Transition(
        "archive", sources=(DRAFT, IN_REVIEW, SCHEDULED, LIVE), target=ARCHIVED, who=EDITORS,
        bulk=Bulk("archive", _("Unpublish selected articles (archive)"),
                  _("Archived (no longer on the site)")),
        step=WorkflowStep.ARCHIVED, verb=_("archived"),
        done=_("Archived; it is no longer on the site."),
    ),
    Transition(
        "restore", sources=(ARCHIVED,), target=DRAFT, who=EDITORS,
        button=_("Restore to draft"),
        bulk=Bulk("restore", _("Restore selected archived articles to draft"), _("Restored to draft")),
        step=WorkflowStep.RESTORED, verb=_("restored to draft"),
        done=_("Restored to draft; it is not on the site until it is published again."),
    ),
)
# fmt: on


def named(name):
    """Return the transition called name, or None."""
    return next((transition for transition in TRANSITIONS if transition.name == name), None)


# Reading the tables


def state_for(status, published_at, now=None):
    now = now or timezone.now()
    for state in STATES:
        if state.holds(status, published_at, now):
            return state
    raise LookupError(f"No state of the article lifecycle is stored as status {status!r}.")


def state_of(article, now=None):
    """Return where article stands by its fields as they are now (saved or not)."""
    return state_for(article.status, article.published_at, now)


def stored_state(article):
    """Return where article stands in the database (a new article: a draft), locking its row until the
    transaction ends so two people can't move it at once."""
    if article.pk is None:
        return NEW
    stored = (
        Article.objects.select_for_update()
        .filter(pk=article.pk)
        .values_list("status", "published_at")
        .first()
    )
    return NEW if stored is None else state_for(*stored)


def transitions_from(state, user):
    """Return the steps user may take from state, in the table's order (the order of the buttons)."""
    return [t for t in TRANSITIONS if state in t.sources and t.open_to(user)]


def transitions_between(before, after):
    """Return the steps declared from before to after, in the table's order."""
    return [t for t in TRANSITIONS if before in t.sources and t.target is after]


def statuses_writers_edit():
    return list(dict.fromkeys(state.status for state in STATES if state.writers_edit))


def writers_edit_q(now=None):
    """The rows in a state where an author may still edit their own article."""
    return reduce(or_, (state.q(now) for state in STATES if state.writers_edit))


def decided_review_steps():
    return sorted({t.step for t in TRANSITIONS if t.decides_review})


def missing(transition, article, user, *, comment="", at=None, now=None):
    """Return the requirements of transition that article (as it would be saved) doesn't meet."""
    attempt = Attempt(article, user, comment or "", at, now or timezone.now())
    return [requirement for requirement in transition.requires if requirement.unmet(attempt)]


def unmet(transition, article, user, *, comment="", at=None, now=None):
    """Return {field: what to fix} for what article (as it would be saved) lacks for transition."""
    attempt = Attempt(article, user, comment or "", at, now or timezone.now())
    errors = {}
    for requirement in transition.requires:
        for name, message in requirement.unmet(attempt).items():
            errors.setdefault(name, message)
    return errors


NOT_OPEN = _(
    "That step isn't open to you for this article now; nothing was changed. "
    "Reload the page to see where it stands."
)


# Taking a step


def publish_time(transition, source, current, at, now):
    """Return the article's publish time after transition from source."""
    if transition.target.goes_live == PAST:
        return at if at is not None and at <= now else now
    if transition.target.goes_live == FUTURE:
        return at
    # Leaving a schedule: the article no longer goes live on that date.
    return None if source is SCHEDULED else current


def take(article, transition, by, *, comment="", at=None, base_url=""):
    """Take transition on article as by (None: the system, e.g. a command): check, change, save, record the
    WorkflowEvent and tell who acts next. Return what happened, in words for by; raise ValidationError
    ({field: what to fix}, or NOT_OPEN) and change nothing when the step can't be taken."""
    comment = (comment or "").strip()
    with transaction.atomic():
        source = stored_state(article)
        if source not in transition.sources or (by is not None and not transition.open_to(by)):
            raise ValidationError(NOT_OPEN, code="workflow_refused")
        now = timezone.now()
        errors = unmet(transition, article, by, comment=comment, at=at, now=now)
        if errors:
            raise ValidationError(errors)
        article.status = transition.target.status
        article.published_at = publish_time(transition, source, article.published_at, at, now)
        article.save()  # save(), so history records who took the step
        article.workflow_events.create(
            step=transition.step,
            actor=by,
            comment=comment,
            version_id=article.history.order_by("-history_id").values_list("history_id", flat=True).first(),
            publish_time=article.published_at if transition.target.goes_live == FUTURE else None,
        )
        recipients = transition.tells.recipients(article, by)
        notify(transition, article, by, comment, recipients, base_url)
    return said(transition, article, recipients)


def said(transition, article, recipients):
    text = transition.done if recipients or not transition.done_unheard else transition.done_unheard
    return text.format(
        address=article.get_absolute_url(),
        when=when(article.published_at) if article.published_at else "",
        author=article.author.display_name if article.author_id else _("The author"),
    )


def person_name(user):
    return (user.get_full_name() or user.get_username()) if user else str(_("someone"))


def notify(transition, article, actor, comment, recipients, base_url=""):
    """Email recipients what happened, from the step's templates (articles/email/<step>_*.txt)."""
    if not recipients:
        return
    # In the site's language, not the sender's: the admin follows each staff member's browser, and nothing
    # says which language the people emailed read.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "article": article,
            "actor": person_name(actor),
            "comment": comment,
            "link": base_url + reverse("admin:articles_article_change", args=[article.pk]),
            "public": base_url + article.get_absolute_url(),
            "when": when(article.published_at) if article.published_at else "",
        }
        stem = f"articles/email/{transition.step.value}"
        subject = " ".join(render_to_string(f"{stem}_subject.txt", context).split("\n")).strip()
        # Every body ends with one newline, however the template file ends.
        body = render_to_string(f"{stem}_body.txt", context).rstrip("\n") + "\n"
    send_mail(subject, body, None, recipients, fail_silently=False)
