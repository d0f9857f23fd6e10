"""Issue 13 in a real browser: typed work survives, versions compare, review round trip with buttons,
badges and emails, alt text required for body images, and an address change that keeps old links."""

import io
import re
import time
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Status
from articles.roles import sync_roles
from domain.models import Autosave
from tests.e2e.editor_widgets import heading_and_text_style, looks_like_a_heading
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

PASSWORD = "correct-horse-battery"  # UserFactory's

pytestmark = pytest.mark.django_db(transaction=True)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 180), "#1f5f5b").save(out, format="PNG")
    return out.getvalue()


def _people():
    sync_roles(apps)  # transactional tests flush the database; the groups come back with this
    writer = UserFactory(username="writer", password=PASSWORD, first_name="Wren", last_name="Writer")
    writer.groups.add(Group.objects.get(name="Authors"))
    profile = AuthorFactory(user=writer, display_name="Wren Writer")
    editor = UserFactory(username="editor", password=PASSWORD, first_name="Eda", last_name="Moss")
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = AuthorFactory(display_name="Dana Whitfield", credentials="MD", may_review=True)
    return writer, profile, editor, reviewer


def _wait_for(condition, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_unsaved_changes_warn_and_autosave_survives_a_closed_tab(new_page, login):
    writer, profile, _, _ = _people()
    article = ArticleFactory(
        author=profile, title="Sleep after an infusion", body="<p>Plan a quiet evening.</p>"
    )
    change = f"/admin/articles/article/{article.pk}/change/"

    page = new_page()
    login(page, "writer", PASSWORD)
    page.goto(change)
    editable = page.locator(".ck-editor__editable")
    editable.click()
    page.keyboard.press("End")
    page.keyboard.type(" Rest is part of the treatment.")

    # Leaving through the breadcrumb asks first; staying keeps the text.
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.locator(".breadcrumbs a", has_text="Home").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(change)
    expect(editable).to_contain_text("Rest is part of the treatment.")

    # Kept on the server within a few seconds, apart from the article itself.
    expect(page.locator(".autosave-status")).to_contain_text("Unsaved changes kept at", timeout=10_000)
    assert "Rest is part of" in Autosave.objects.get().data["body"][0]

    # More typing, then the tab is closed: at most the last couple of seconds could be lost.
    editable.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Drink water.")
    assert _wait_for(lambda: "Drink water." in Autosave.objects.get().data["body"][0], seconds=5)
    page.remove_listener("dialog", stay)
    page.on("dialog", lambda dialog: dialog.accept())
    page.close(run_before_unload=True)
    article.refresh_from_db()
    assert "Rest is part of" not in article.body  # nothing saved to the article by autosave

    # Reopening offers the text back; restoring puts it in the editor, and saving keeps it.
    page = new_page()
    login(page, "writer", PASSWORD)
    page.goto(change)
    expect(page.locator(".autosave-offer")).to_contain_text("You have unsaved changes from")
    page.click("#autosave-restore")
    expect(page.locator(".ck-editor__editable")).to_contain_text(
        "Rest is part of the treatment. Drink water."
    )
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert "Drink water." in article.body
    assert not Autosave.objects.exists()


def test_a_refused_save_warns_before_leaving_and_is_offered_back(new_page, login):
    writer, profile, _, _ = _people()
    ArticleFactory(author=profile, title="Taken", slug="taken")
    article = ArticleFactory(
        author=profile, title="Sleep after an infusion", body="<p>Plan a quiet evening.</p>"
    )
    change = f"/admin/articles/article/{article.pk}/change/"
    page = new_page()
    login(page, "writer", PASSWORD)
    page.goto(change)
    page.locator("#id_slug").fill("taken")
    editable = page.locator(".ck-editor__editable")
    editable.click()
    page.keyboard.press("End")
    page.keyboard.type(" Typed just before saving.")
    page.click("input[name=_continue]")  # at once: before any autosave, refused for its address
    expect(page.locator(".errornote")).to_be_visible()
    # The refused form shows what was typed, not the saved article.
    expect(page.locator("#id_slug")).to_have_value("taken")
    expect(editable).to_contain_text("Plan a quiet evening. Typed just before saving.")

    # What the refused form holds is kept on the server at once, and leaving asks first.
    assert _wait_for(
        lambda: (
            Autosave.objects.filter(object_id=str(article.pk)).exists()
            and "Typed just before saving." in Autosave.objects.get(object_id=str(article.pk)).data["body"][0]
        ),
        seconds=5,
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    editable.click()  # a person's click: browsers ask before leaving only after one
    page.locator(".breadcrumbs a", has_text="Home").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]

    reopened = new_page()
    login(reopened, "writer", PASSWORD)
    reopened.goto(change)
    expect(reopened.locator(".autosave-offer")).to_contain_text("You have unsaved changes from")


def test_review_round_trip_with_buttons_badges_and_emails(new_page, login, mailoutbox):
    writer, profile, editor, reviewer = _people()

    # The author writes, adds an image (the editor asks for its description), and submits with the button.
    page = new_page(viewport={"width": 1366, "height": 900})
    login(page, "writer", PASSWORD)
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("Driving home after treatment")
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Someone else drives you home.")
    page.locator(".ck-toolbar input[type=file]").set_input_files(
        files=[{"name": "car.png", "mimeType": "image/png", "buffer": _png()}]
    )
    prompt = page.locator(".alt-text-prompt")
    expect(prompt).to_be_visible(timeout=10_000)
    prompt.locator("input").fill("A car parked outside the clinic")
    prompt.locator("button").click()
    expect(prompt).to_be_hidden()
    page.click("button[name=_workflow][value=submit]")
    expect(page.locator(".messagelist .success")).to_have_text("Submitted; the editors have been told.")
    expect(page.locator(".workflow-bar .badge-review")).to_have_text("In review")
    article = Article.objects.get(title="Driving home after treatment")
    assert article.status == Status.IN_REVIEW and 'alt="A car parked outside the clinic"' in article.body
    assert mailoutbox[-1].to == [editor.email] and "Waiting for review" in mailoutbox[-1].subject

    # The editor sees it waiting on the admin home, with its badge in the list, and sends it back.
    page = new_page(viewport={"width": 1366, "height": 900})
    login(page, "editor", PASSWORD)
    assert page.url.endswith("/admin/")
    waiting = page.locator("#dashboard")
    expect(waiting).to_contain_text("Waiting for you")
    expect(waiting).to_contain_text("1 awaiting review")
    page.goto("/admin/articles/article/")
    row = page.locator("#result_list tr", has_text="Driving home after treatment")
    expect(row.locator(".badge-review")).to_have_text("In review")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366  # the list fits the screen
    row.locator("a", has_text="Driving home after treatment").click()
    page.fill("#id_workflow_comment", "Say how long to wait before driving.")
    page.click("button[name=_workflow][value=send_back]")
    expect(page.locator(".messagelist .success")).to_contain_text("Sent back to draft with your comment.")
    assert mailoutbox[-1].to == [writer.email]
    assert "Say how long to wait before driving." in mailoutbox[-1].body

    # The author reads the comment on the admin home, edits and submits again.
    page = new_page()
    login(page, "writer", PASSWORD)
    expect(page.locator("#dashboard")).to_contain_text("Say how long to wait before driving.")
    page.locator("#dashboard a", has_text="Driving home after treatment").click()
    expect(page.locator(".workflow-bar")).to_contain_text("Say how long to wait before driving.")
    page.locator(".ck-editor__editable").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Wait until the next day before you drive.")
    page.click("button[name=_workflow][value=submit]")
    expect(page.locator(".messagelist .success")).to_have_text("Submitted; the editors have been told.")

    # The editor sees what changed since the review, names the reviewer and publishes.
    page = new_page()
    login(page, "editor", PASSWORD)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("text=See what changed since the last review")
    expect(page.locator(".version-compare ins").first).to_be_visible()
    expect(page.locator(".version-compare")).to_contain_text("next day")
    page.go_back()
    page.click(".field-reviewer .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "Dana")
    page.locator(".select2-results__option", has_text="Dana Whitfield").click()
    page.fill("#id_last_reviewed", date.today().isoformat())
    page.click("button[name=_workflow][value=publish]")
    expect(page.locator(".messagelist .success")).to_contain_text(
        f"Published; it is live at /articles/{article.slug}/. Wren Writer has been told."
    )
    expect(page.locator(".workflow-bar .badge-live")).to_have_text("Live")
    assert mailoutbox[-1].to == [writer.email] and "Published" in mailoutbox[-1].subject
    article.refresh_from_db()
    assert article.is_public


def test_versions_compare_side_by_side_and_revert(new_page, login):
    _, profile, _, _ = _people()
    article = ArticleFactory(author=profile, title="Before", body="<p>Plan a quiet evening.</p>")
    article.title, article.body = "After", "<p>Plan a calm evening.</p>"
    article.save()

    page = new_page()
    login(page, "editor", PASSWORD)
    page.goto(f"/admin/articles/article/{article.pk}/history/")
    page.click(".compare-versions-form button")
    expect(page.locator(".version-compare del", has_text="quiet")).to_be_visible()
    expect(page.locator(".version-compare ins", has_text="calm")).to_be_visible()
    expect(page.locator(".version-compare del", has_text="Before")).to_be_visible()
    page.click("text=Revert to the older version")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert article.title == "Before" and "quiet" in article.body


def test_a_body_image_without_alt_text_is_refused(new_page, login):
    _, profile, _, _ = _people()
    article = ArticleFactory(author=profile)
    page = new_page()
    login(page, "writer", PASSWORD)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator(".ck-editor__editable").click()
    page.locator(".ck-toolbar input[type=file]").set_input_files(
        files=[{"name": "room.png", "mimeType": "image/png", "buffer": _png()}]
    )
    expect(page.locator(".alt-text-prompt")).to_be_visible(timeout=10_000)  # the editor asks
    page.click("input[name=_continue]")  # saved anyway, without answering
    error = page.locator(".field-body .errorlist")
    expect(error).to_contain_text("has no description (alt text)")
    expect(error).to_contain_text("room-")
    assert "<img" not in Article.objects.get(pk=article.pk).body


def test_changing_a_published_address_keeps_the_old_link_working(new_page, login):
    _people()
    article = ArticleFactory(published=True, title="Eating before an infusion", slug="eating-before")
    page = new_page()
    login(page, "editor", PASSWORD)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_slug", "eating-before-an-infusion")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    reader = new_page()
    response = reader.goto("/articles/eating-before/")
    assert response.ok and reader.url.endswith("/articles/eating-before-an-infusion/")
    expect(reader.locator("h1")).to_have_text("Eating before an infusion")


def test_an_author_meets_a_colleagues_article_headings_and_the_titles_limit(new_page, login):
    _, profile, _, _ = _people()
    theirs = ArticleFactory(author=AuthorFactory(display_name="Colm Byrne"), title="Dosing notes draft")
    mine = ArticleFactory(
        author=profile, title="Sleep", body="<h2>After the session</h2><p>Plan a quiet evening.</p>"
    )
    page = new_page()
    login(page, "writer", PASSWORD)

    # A colleague's article, opened from a link they sent: it exists, and it is theirs.
    page.goto(f"/admin/articles/article/{theirs.pk}/change/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".messagelist .warning")).to_have_text(
        "That article is another author's: authors open their own articles. Ask an editor if you need to "
        "work on it."
    )
    expect(page.locator(".messagelist")).not_to_contain_text("deleted")
    expect(page.locator("body")).not_to_contain_text("Dosing notes draft")  # a draft's title stays unsaid

    # Their own: headings in the editor look like headings, and the title counts as they type.
    page.goto(f"/admin/articles/article/{mine.pk}/change/")
    editable = page.locator(".ck-editor__editable")
    expect(editable.locator("h2")).to_have_count(1, timeout=10_000)
    assert looks_like_a_heading(editable), heading_and_text_style(editable)
    title, count = page.locator("#id_title"), page.locator("#id_title-count")
    expect(count).to_have_text("5 of 200 characters")
    title.press("End")
    title.press_sequentially(" well")
    expect(count).to_have_text("10 of 200 characters")
    title.fill("S" * 199)
    title.press_sequentially("ab")  # past the limit one key at a time: nothing is cut, the count says so
    expect(count).to_have_text("201 of 200 characters: 1 too many")
    assert title.input_value() == "S" * 199 + "ab"


def test_an_editor_is_told_about_review_dates_and_who_saved_and_compares_what_people_wrote(new_page, login):
    writer, profile, _, reviewer = _people()
    article = ArticleFactory(
        author=profile,
        title="Eating before an infusion",
        body="<p>Fast for six hours.</p>",
        reviewer=reviewer.person,
        last_reviewed=date(2026, 1, 5),
    )
    change = f"/admin/articles/article/{article.pk}/change/"
    page = new_page(viewport={"width": 1366, "height": 900})
    login(page, "editor", PASSWORD)
    page.goto(change)

    # A next review on the day of the review is refused with a message; both dates stay as typed.
    page.fill("#id_last_reviewed", "2026-03-02")
    page.fill("#id_next_review_due", "2026-03-02")
    page.fill("#id_title", "Eating and drinking before an infusion")
    page.click("input[name=_continue]")
    expect(page.locator(".field-next_review_due .errorlist")).to_have_text(
        "The next review must fall after the last review (March 2, 2026). Leave it blank for 12 months "
        "after the review."
    )
    expect(page.locator("#id_last_reviewed")).to_have_value("2026-03-02")
    expect(page.locator("#id_next_review_due")).to_have_value("2026-03-02")
    article.refresh_from_db()
    assert article.last_reviewed == date(2026, 1, 5) and article.next_review_due != date(2026, 3, 2)

    # Meanwhile the author saves a change; the editor's save is then refused, naming the author.
    author_page = new_page()
    login(author_page, "writer", PASSWORD)
    author_page.goto(change)
    author_page.locator(".ck-editor__editable").click()
    author_page.keyboard.press("Control+End")
    author_page.keyboard.type(" Clear fluids are fine until two hours before.")
    author_page.click("input[name=_continue]")
    expect(author_page.locator(".messagelist .success")).to_be_visible()
    page.fill("#id_next_review_due", "")
    page.click("input[name=_continue]")
    conflict = page.locator(".errornote, .errorlist").filter(has_text="after you opened it")
    expect(conflict).to_contain_text(f"{writer.get_full_name()} saved this article on")
    expect(page.locator("#content-main")).not_to_contain_text("Someone else")
    expect(page.locator("#id_title")).to_have_value("Eating and drinking before an infusion")  # kept

    # Compare versions: the fields people write, none of those the site keeps for itself.
    labels = set(page.locator("#content-main label").evaluate_all("ls => ls.map(l => l.textContent.trim())"))
    page.goto(f"/admin/articles/article/{article.pk}/history/")
    page.click(".compare-versions-form button")
    expect(page.locator(".version-compare ins", has_text="Clear fluids")).to_be_visible()
    rows = page.locator(".version-compare tbody th").evaluate_all(
        "cells => cells.map(th => th.firstChild.textContent.trim())"  # the label, not its "changed" flag
    )
    assert "Body" in rows and "Title" in rows
    written = [row for row in rows if any(label.startswith(row) for label in labels)]
    assert rows == written, set(rows) - set(written)
    assert not [row for row in rows if "fingerprint" in row.lower() or "since review" in row.lower()]
