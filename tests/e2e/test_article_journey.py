"""An article's whole life in a real browser: written in CKEditor 5, reviewed, published, read."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Status
from articles.roles import sync_roles
from tests.e2e.editor_widgets import heading_and_text_style, looks_like_a_heading
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

PASSWORD = "correct-horse-battery"  # UserFactory's

pytestmark = pytest.mark.django_db(transaction=True)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 180), "#1f5f5b").save(out, format="PNG")
    return out.getvalue()


def test_author_writes_editor_publishes_reader_reads(new_page, login):
    sync_roles(apps)  # transactional tests flush the database; the groups come back with this
    writer = UserFactory(username="writer", password=PASSWORD)
    writer.groups.add(Group.objects.get(name="Authors"))
    AuthorFactory(user=writer, display_name="Wren Writer")
    editor = UserFactory(username="editor", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    AuthorFactory(display_name="Dana Whitfield", credentials="MD", may_review=True)

    # The author writes in CKEditor 5, with bold text and an uploaded image, and saves a draft.
    page = new_page()
    login(page, "writer", PASSWORD)
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("Sleep after an infusion")  # keyup fills the slug
    expect(page.locator("#id_slug")).to_have_value("sleep-after-an-infusion")
    editable = page.locator(".ck-editor__editable")
    editable.click()
    page.keyboard.type("Plan a quiet evening. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Rest is part of the treatment.")
    page.keyboard.press("Control+b")
    page.locator(".ck-toolbar input[type=file]").set_input_files(
        files=[{"name": "room.png", "mimeType": "image/png", "buffer": _png()}]
    )
    expect(editable.locator("img[src*='/media/uploads/']")).to_have_count(1, timeout=10_000)
    # Every body image needs a description: the editor asks for one, and the server refuses without it.
    prompt = page.locator(".alt-text-prompt")
    expect(prompt).to_be_visible()
    prompt.locator("input").fill("A quiet room with a bed")
    prompt.locator("button").click()
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article = Article.objects.get(slug="sleep-after-an-infusion")
    assert article.status == Status.DRAFT
    assert "<strong>Rest is part of the treatment.</strong>" in article.body

    # Then submits it for review; publishing is not among the choices.
    expect(page.locator("#id_status option[value=published]")).to_have_count(0)
    page.select_option("#id_status", "in_review")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW

    # The editor names the reviewer (autocomplete), dates the review and publishes.
    page = new_page()
    login(page, "editor", PASSWORD)
    page.goto("/admin/articles/article/")
    page.click("text=Sleep after an infusion")
    page.click(".field-reviewer .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "Dana")
    page.locator(".select2-results__option", has_text="Dana Whitfield").click()
    page.fill("#id_last_reviewed", date.today().isoformat())
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert article.is_public

    # A reader, with no login, sees the formatted text and the image.
    page = new_page()
    response = page.goto(article.get_absolute_url())
    assert response.status == 200
    expect(page.locator(".article-body strong")).to_have_text("Rest is part of the treatment.")
    image = page.locator(".article-body img")
    expect(image).to_have_count(1)
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth === 320", arg=image.element_handle())
    expect(page.locator(".reviewed")).to_contain_text("Medically reviewed by Dana Whitfield, MD")
    expect(page.locator(".preview-banner")).to_have_count(0)


def _an_editor_opens(article, new_page, login):
    """Sign an editor in and open article's change page; return the page."""
    sync_roles(apps)
    editor = UserFactory(username="editor", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    page = new_page()
    login(page, "editor", PASSWORD)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    return page


def test_headings_in_the_editor_look_like_headings(new_page, login):
    article = ArticleFactory(body="<h2>After the session</h2><p>Plan a quiet evening.</p>")
    page = _an_editor_opens(article, new_page, login)
    editable = page.locator(".ck-editor__editable")
    expect(editable.locator("h2")).to_have_count(1, timeout=10_000)

    assert looks_like_a_heading(editable), heading_and_text_style(editable)


def test_a_long_title_shows_its_count_and_is_kept_whole_when_refused(new_page, login):
    page = _an_editor_opens(ArticleFactory(title="Short"), new_page, login)
    long_title = ("What to expect on the day of a first ketamine infusion, " * 7)[:334] + "."

    page.locator("#id_title").fill(long_title)

    expect(page.locator("#id_title-count")).to_have_text("335 of 200 characters: 135 too many")
    page.click("input[name=_continue]")
    expect(page.locator(".errorlist")).to_contain_text("at most 200 characters (it has 335)")
    assert page.locator("#id_title").input_value() == long_title
