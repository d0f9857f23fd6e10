"""The article lifecycle declared once (articles/lifecycle.py, issue 20): every screen reads its tables, and a
refused step changes nothing, shows where the article really stands with the same buttons, says what to fix
and keeps what was typed.

The tests below walk STATES and TRANSITIONS, so a state or a step added to the tables is tested here
without a new test: the tables are the only place a test needs to change.
"""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import lifecycle, workflow
from articles.lifecycle import DRAFT, IN_REVIEW, LIVE, STATES, TRANSITIONS
from articles.models import Article, Status, WorkflowEvent, WorkflowStep
from tests.factories import ArticleFactory, AuthorFactory
from tests.helpers import change_url, form_data

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:articles_article_changelist")
DAY = timedelta(days=1)


def _today():
    return timezone.localdate()


def _stored_as(state, **fields):
    """Return the fields that store an article in state, reviewed so that any step's review is met."""
    at = {lifecycle.PAST: timezone.now() - DAY, lifecycle.FUTURE: timezone.now() + DAY}.get(state.goes_live)
    return {
        "status": state.status,
        "published_at": at,
        "reviewer": AuthorFactory(reviewer=True),
        "last_reviewed": _today() - DAY,
        **fields,
    }


def _article_in(state, **fields):
    article = ArticleFactory(**_stored_as(state, **fields))
    assert article.stage is state
    return article


def _buttons(html):
    """Return the values of the workflow buttons on a change page, in order."""
    return re.findall(r'<button type="submit" name="_workflow" value="([a-z_]+)"', html)


def _bar(html):
    return html[html.index('<section class="workflow-bar"') : html.index("</section>")]


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _expected_buttons(state, user):
    return [t.name for t in TRANSITIONS if state in t.sources and t.open_to(user) and t.button]


# The tables hold together


def test_every_status_is_some_state_and_every_state_has_its_own_key_badge_and_rank():
    stored = {state.status for state in STATES}
    assert stored == set(Status), "each status an article can hold is a state of the lifecycle"
    for attribute in ("key", "label", "badge", "rank"):
        values = [getattr(state, attribute) for state in STATES]
        assert len(set(values)) == len(values), attribute
    names = [transition.name for transition in TRANSITIONS]
    assert len(set(names)) == len(names)
    for transition in TRANSITIONS:
        assert transition.step in WorkflowStep, transition
        assert transition.button or transition.bulk or transition.who is lifecycle.WRITERS, (
            f"{transition} has no way to be taken: a button, a list action, or the authors' status field"
        )


def test_each_state_finds_its_own_articles_and_only_them():
    articles = {state: _article_in(state) for state in STATES}

    for state, article in articles.items():
        assert list(Article.objects.filter(state.q())) == [article], state
        assert Article.objects.get(pk=article.pk).stage is state
    # The public sees exactly the live state; the model's is_public agrees with the QuerySet's published().
    assert list(Article.objects.published()) == [articles[LIVE]]
    assert [state for state, article in articles.items() if article.is_public] == [LIVE]


# Every screen reads the tables


def test_the_list_shows_each_states_badge_filters_by_it_and_puts_what_waits_first(client, editor):
    articles = {state: _article_in(state, title=f"The {state.key} one") for state in STATES}
    client.force_login(editor)

    html = client.get(CHANGELIST_URL).content.decode()

    for state, article in articles.items():
        assert f'<span class="badge badge-{state.badge}">{state.label}' in html, state
        assert f"?stage={state.key}" in html, state  # the filter offers it
        listed = client.get(f"{CHANGELIST_URL}?stage={state.key}").content.decode()
        assert article.title in listed, state
        assert all(other.title not in listed for other in articles.values() if other is not article), state
    by_rank = sorted(articles, key=lambda state: state.rank)
    positions = [html.index(articles[state].title) for state in by_rank]
    assert positions == sorted(positions), "the list runs in the states' rank"


def test_the_change_page_shows_the_state_and_its_buttons_for_editors_and_authors(client, editor, author_user):
    for state in STATES:
        article = _article_in(state, author=author_user.author_profile)
        client.force_login(editor)
        html = client.get(change_url(article)).content.decode()
        assert f"badge-{state.badge}" in _bar(html), state
        assert _buttons(html) == _expected_buttons(state, editor), state
        for name, label in [(t.name, t.button) for t in TRANSITIONS if t.name in _buttons(html)]:
            assert f">{label}</button>" in html, name

        client.force_login(author_user)
        html = client.get(change_url(article)).content.decode()
        may_edit = state.writers_edit
        assert _buttons(html) == (_expected_buttons(state, author_user) if may_edit else []), state
        assert ('name="_save"' in html) == may_edit, state


def test_the_admin_home_counts_what_the_states_say_editors_count(client, editor):
    for state in STATES:
        _article_in(state)
    client.force_login(editor)

    html = client.get(reverse("admin:index")).content.decode()

    for state in STATES:
        if state.editors_count:
            assert f"<strong>1</strong> {state.editors_count}" in html, state
            assert f"?stage={state.key}" in html, state
    for state in STATES:
        if not state.editors_count:
            assert f"?stage={state.key}" not in html, state


def test_the_editors_review_queue_lists_what_waits_for_their_verdict(client, editor):
    articles = {state: _article_in(state, title=f"The {state.key} one") for state in STATES}
    client.force_login(editor)

    panel = client.get(reverse("admin:index")).content.decode()

    for state, article in articles.items():
        assert (article.title in panel) == bool(state.editors_queue), state


# Every step, through the way the admin offers it


def _source_cases():
    return [(t, source) for t in TRANSITIONS for source in t.sources]


def _take_through_the_admin(client, transition, article, comment):
    """Take transition the way a person would: its button, else its list action, else the status field."""
    if transition.button:
        data = form_data(client.get(change_url(article)), _workflow=transition.name, workflow_comment=comment)
        if transition.target.goes_live == lifecycle.FUTURE:
            go_live = timezone.localtime() + 2 * DAY
            data.update(published_at_0=go_live.date().isoformat(), published_at_1="09:00:00")
        return client.post(change_url(article), data, follow=True)
    if transition.bulk:
        action = {"action": transition.bulk.name, "_selected_action": [article.pk]}
        return client.post(CHANGELIST_URL, action, follow=True)
    data = form_data(
        client.get(change_url(article)), status=transition.target.status, workflow_comment=comment
    )
    return client.post(change_url(article), data, follow=True)


@pytest.mark.parametrize(
    ("transition", "source"), _source_cases(), ids=[f"{t.name}-from-{s.key}" for t, s in _source_cases()]
)
def test_each_step_moves_records_and_tells(client, editor, author_user, mailoutbox, transition, source):
    taker = editor if transition.who is lifecycle.EDITORS else author_user
    article = _article_in(source, author=author_user.author_profile, title="Sleep after an infusion")
    client.force_login(taker)

    response = _take_through_the_admin(client, transition, article, comment="Looks right to me.")

    article.refresh_from_db()
    assert article.stage is transition.target, response.content.decode()[:3000]
    event = WorkflowEvent.objects.get(article=article)
    assert event.step == transition.step and event.actor == taker
    told = {lifecycle.THE_EDITORS: [[editor.email]], lifecycle.THE_AUTHOR: [[author_user.email]]}
    assert [mail.to for mail in mailoutbox] == told.get(transition.tells, [])
    assert all("Sleep after an infusion" in mail.subject for mail in mailoutbox)
    said = _messages(response)
    if transition.bulk and not transition.button:
        assert f"{transition.bulk.done}: Sleep after an infusion." in said
    else:
        assert lifecycle.said(transition, article, [taker.email] if mailoutbox else []) in said


@pytest.mark.parametrize("transition", [t for t in TRANSITIONS if t.bulk], ids=lambda t: t.name)
def test_a_list_action_leaves_articles_it_isnt_a_step_for_as_they_were(client, editor, transition):
    elsewhere = [state for state in STATES if state not in transition.sources]
    articles = [_article_in(state, title=f"The {state.key} one") for state in elsewhere]
    client.force_login(editor)

    response = client.post(
        CHANGELIST_URL,
        {"action": transition.bulk.name, "_selected_action": [a.pk for a in articles]},
        follow=True,
    )

    for state, article in zip(elsewhere, articles, strict=True):
        assert Article.objects.get(pk=article.pk).stage is state
    assert not WorkflowEvent.objects.exists()
    if articles:
        assert any(
            message.startswith(f"Not {transition.verb}, because only") for message in _messages(response)
        )


# Refused steps change nothing, show the real state and the same buttons, say what to fix, keep the text


def _refusals():
    """Each button's requirements one at a time: (transition, source, requirement, fields left unmet)."""
    unmet_by = {
        lifecycle.COMMENT: {"workflow_comment": ""},
        lifecycle.MEDICAL_REVIEW: {"reviewer": "", "last_reviewed": ""},
        lifecycle.FUTURE_TIME: {"published_at_0": "", "published_at_1": ""},
    }
    cases = []
    for transition in TRANSITIONS:
        for source in transition.sources if transition.button else ():
            for requirement in transition.requires:
                cases.append((transition, source, requirement, unmet_by[requirement]))
    return cases


def _meeting_the_rest(transition, requirement):
    """Form fields that meet transition's other requirements, so only requirement is missing."""
    go_live = timezone.localtime() + 2 * DAY
    met = {
        lifecycle.COMMENT: {"workflow_comment": "Cite the 2019 trial for the dose."},
        lifecycle.MEDICAL_REVIEW: {"reviewer": AuthorFactory(reviewer=True).pk, "last_reviewed": _today()},
        lifecycle.FUTURE_TIME: {"published_at_0": go_live.date().isoformat(), "published_at_1": "09:00:00"},
    }
    fields = {}
    for other in transition.requires:
        if other is not requirement:
            fields.update(met[other])
    return fields


@pytest.mark.parametrize(
    ("transition", "source", "requirement", "leaving_it_unmet"),
    _refusals(),
    ids=[f"{t.name}-from-{s.key}-without-{r.unmet.__name__.strip('_')}" for t, s, r, _ in _refusals()],
)
def test_a_refused_step_changes_nothing_and_shows_where_it_stands(
    client, editor, author_user, mailoutbox, transition, source, requirement, leaving_it_unmet
):
    unreviewed = {"reviewer": None, "last_reviewed": None} if requirement is lifecycle.MEDICAL_REVIEW else {}
    article = _article_in(source, author=author_user.author_profile, title="Before", **unreviewed)
    client.force_login(editor)
    page = client.get(change_url(article))
    buttons_before = _buttons(page.content.decode())
    typed = {"title": "My careful new title", "body": "<p>Typed but refused.</p>"}
    if requirement is not lifecycle.COMMENT:
        typed["workflow_comment"] = "A comment I typed."
    data = form_data(page, _workflow=transition.name, **typed, **_meeting_the_rest(transition, requirement))
    data.update(leaving_it_unmet)

    response = client.post(change_url(article), data)

    # Nothing changed.
    assert response.status_code == 200
    stored = Article.objects.get(pk=article.pk)
    assert stored.stage is source and stored.title == "Before"
    assert not WorkflowEvent.objects.exists() and not mailoutbox
    # The page shows where it really stands, the same buttons, and what to fix.
    html = response.content.decode()
    bar = _bar(html)
    assert f"badge-{source.badge}" in bar and all(
        f"badge-{state.badge}" not in bar for state in STATES if state is not source
    )
    assert _buttons(html) == buttons_before
    assert f"Not {transition.verb}: nothing was changed." in unescape(bar)
    fixes = requirement.unmet(lifecycle.Attempt(Article(), editor, "", None, timezone.now())).values()
    for fix in fixes:
        assert fix in unescape(bar), fix
    # What was typed is still there.
    form = response.context["adminform"].form
    assert form["title"].value() == "My careful new title" and 'value="My careful new title"' in html
    assert form["body"].value() == "<p>Typed but refused.</p>"
    assert form["workflow_comment"].value() == typed.get("workflow_comment", "")

    # The button shown, pressed again with what was missing, takes the step. (The page shown again holds
    # what was sent, so the browser sends it back.)
    retry = {**data, "_workflow": transition.name, **_meeting_the_rest(transition, None)}
    assert transition.name in _buttons(html)
    client.post(change_url(article), retry, follow=True)
    stored = Article.objects.get(pk=article.pk)
    assert stored.stage is transition.target and stored.title == "My careful new title"


def test_a_refused_change_of_the_status_field_shows_the_state_as_stored(client, editor):
    article = _article_in(IN_REVIEW, reviewer=None, last_reviewed=None)
    client.force_login(editor)
    page = client.get(change_url(article))

    response = client.post(change_url(article), form_data(page, status=Status.PUBLISHED, title="Typed"))

    assert response.status_code == 200
    assert "needs a medical reviewer" in response.context["adminform"].form.errors["reviewer"][0]
    bar = _bar(response.content.decode())
    assert "badge-review" in bar and "badge-live" not in bar
    assert _buttons(response.content.decode()) == _buttons(page.content.decode())
    assert Article.objects.get(pk=article.pk).stage is IN_REVIEW


def test_a_status_change_that_is_no_step_of_the_lifecycle_is_refused(client, editor):
    article = _article_in(LIVE)
    client.force_login(editor)

    response = client.post(
        change_url(article), form_data(client.get(change_url(article)), status="in_review")
    )

    assert response.status_code == 200
    error = response.context["adminform"].form.errors["status"][0]
    assert "can't become in review in one step" in error and "archived" in error
    assert Article.objects.get(pk=article.pk).stage is LIVE


# The save after a refused submit


def _refused_step_marker(html):
    found = re.search(r'name="workflow_refused" value="([a-z_]+)"', html)
    return {"workflow_refused": found.group(1)} if found else {}


def test_a_save_after_a_refused_submit_says_plainly_it_is_still_a_draft(
    client, author_user, editor, mailoutbox
):
    article = _article_in(DRAFT, author=author_user.author_profile, title="Sleep after an infusion")
    client.force_login(author_user)

    data = form_data(client.get(change_url(article)), title="", _workflow="submit")
    refused = client.post(change_url(article), data)

    assert refused.status_code == 200 and "title" in refused.context["adminform"].form.errors
    html = refused.content.decode()
    assert "badge-draft" in _bar(html) and _buttons(html) == ["submit"]
    assert "Not submitted for review: nothing was changed." in unescape(_bar(html))
    # The refused step is the primary button now.
    assert 'value="submit" class="button workflow-submit default"' in html

    # The author fixes the title and presses Save instead.
    data = {key: value for key, value in data.items() if key != "_workflow"}  # the page sends no button
    data.update(title="Sleep after an infusion, fixed", _continue="1", **_refused_step_marker(html))
    saved = client.post(change_url(article), data, follow=True)

    said = _messages(saved)
    plainly = (
        "Saved, but not submitted for review: it is still a draft. "
        "Press “Submit for review” when it is ready."
    )
    assert said == [plainly]
    assert not any("successfully" in message for message in said)
    article.refresh_from_db()
    assert article.title == "Sleep after an infusion, fixed" and article.stage is DRAFT
    assert not mailoutbox

    # Pressing the button then submits, and the editors are told.
    submitted = client.post(
        change_url(article), form_data(client.get(change_url(article)), _workflow="submit"), follow=True
    )
    assert "Submitted; the editors have been told." in _messages(submitted)
    assert Article.objects.get(pk=article.pk).stage is IN_REVIEW and mailoutbox[-1].to == [editor.email]


def test_a_plain_save_says_nothing_of_steps_when_none_was_refused(client, author_user):
    article = _article_in(DRAFT, author=author_user.author_profile)
    client.force_login(author_user)

    saved = client.post(
        change_url(article), form_data(client.get(change_url(article)), title="New"), follow=True
    )

    assert any("changed successfully" in message for message in _messages(saved))


# Notifications, from templates


def test_notification_emails_read_as_they_did_when_they_were_written_in_code(
    client, author_user, editor, mailoutbox, settings
):
    settings.TIME_ZONE = "America/New_York"
    article = _article_in(DRAFT, author=author_user.author_profile, title="Driving home", slug="driving-home")
    link = f"http://testserver{change_url(article)}"

    client.force_login(author_user)
    client.post(change_url(article), form_data(client.get(change_url(article)), _workflow="submit"))
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), _workflow="send_back", workflow_comment="Say how long.")
    client.post(change_url(article), data)
    client.force_login(author_user)
    client.post(change_url(article), form_data(client.get(change_url(article)), _workflow="submit"))
    client.force_login(editor)
    go_live = timezone.localtime() + 2 * DAY
    data = form_data(
        client.get(change_url(article)), _workflow="schedule",
        published_at_0=go_live.date().isoformat(), published_at_1="09:00:00",
    )  # fmt: skip
    client.post(change_url(article), data)
    at = lifecycle.when(Article.objects.get(pk=article.pk).published_at)
    client.post(change_url(article), form_data(client.get(change_url(article)), _workflow="publish"))

    assert [(mail.subject, mail.body) for mail in mailoutbox] == [
        (
            "Waiting for review: Driving home",
            f"writer submitted “Driving home” for review.\n\nReview it: {link}\n",
        ),
        (
            "Changes requested: Driving home",
            "Eda Moss sent “Driving home” back to you: changes requested.\n\n"
            f"Eda Moss wrote:\nSay how long.\n\nEdit it: {link}\n",
        ),
        (
            "Waiting for review: Driving home",
            f"writer submitted “Driving home” for review.\n\nReview it: {link}\n",
        ),
        (
            f"Scheduled for {at}: Driving home",
            f"Eda Moss scheduled “Driving home” to go live on {at}.\n\n{link}\n",
        ),
        (
            "Published: Driving home",
            "Eda Moss published “Driving home”. It is live at http://testserver/articles/driving-home/\n",
        ),
    ]


def test_a_title_with_markup_characters_is_not_escaped_in_emails(client, author_user, editor, mailoutbox):
    article = _article_in(DRAFT, author=author_user.author_profile, title="Dose & timing <2 hours>")
    client.force_login(author_user)

    client.post(change_url(article), form_data(client.get(change_url(article)), _workflow="submit"))

    assert mailoutbox[0].subject == "Waiting for review: Dose & timing <2 hours>"
    assert "“Dose & timing <2 hours>”" in mailoutbox[0].body


# Adding a state: a row in each table, nothing else


def test_a_state_and_a_step_added_to_the_tables_reach_every_screen(client, editor, monkeypatch):
    on_hold = lifecycle.State(
        "on_hold", "On hold", "on_hold", None, badge="hold", phrase="on hold", rank=5, editors_count="on hold"
    )
    hold = lifecycle.Transition(
        "hold", sources=(IN_REVIEW,), target=on_hold, who=lifecycle.EDITORS, button="Put on hold",
        step=WorkflowStep.UNSCHEDULED, verb="put on hold", done="Put on hold.",
    )  # fmt: skip
    monkeypatch.setattr(lifecycle, "STATES", (*STATES, on_hold))
    monkeypatch.setattr(lifecycle, "TRANSITIONS", (*TRANSITIONS, hold))
    article = _article_in(IN_REVIEW, title="Waiting on the lab")
    client.force_login(editor)

    assert "hold" in _buttons(client.get(change_url(article)).content.decode())
    response = client.post(
        change_url(article), form_data(client.get(change_url(article)), _workflow="hold"), follow=True
    )

    assert "Put on hold." in _messages(response)
    assert Article.objects.get(pk=article.pk).stage is on_hold
    assert '<span class="badge badge-hold">On hold</span>' in _bar(response.content.decode())
    listed = client.get(f"{CHANGELIST_URL}?stage=on_hold").content.decode()
    assert "Waiting on the lab" in listed and "badge-hold" in listed
    assert "<strong>1</strong> on hold" in client.get(reverse("admin:index")).content.decode()
    assert workflow.stage_lookups()[len(STATES)] == ("on_hold", "On hold")
