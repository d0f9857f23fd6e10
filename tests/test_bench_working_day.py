"""`make bench`'s working day (tools/working_day.py, tools/staff_browser.py): the editor posts the admin's
forms as a browser would, works to the schedule the bench prints, and only readers' requests are counted."""

import json
from collections import Counter
from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import reverse

from articles.models import Article, Status
from domain.models import Autosave
from tests.factories import ArticleFactory, CategoryFactory, ConditionFactory, PersonFactory, TagFactory
from tests.helpers import change_url
from tools.staff_browser import form_fields
from tools.working_day import read_log, schedule


def _as_posted(fields):
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


@pytest.fixture
def draft(db):
    return ArticleFactory(
        category=CategoryFactory(),
        tags=[TagFactory(), TagFactory()],
        related_conditions=[ConditionFactory(), ConditionFactory()],
        reviewer=PersonFactory(),
        last_reviewed=date.today(),
        key_takeaways="One\nTwo",
        body="<p>Fish &amp; chips, &lt;not a tag&gt;.</p>",
    )


def test_the_article_form_read_from_its_page_saves_back_unchanged(client, editor, draft):
    client.force_login(editor)
    fields = form_fields(client.get(change_url(draft)).content.decode(), "article_form")

    response = client.post(
        change_url(draft), {**_as_posted(fields), "_continue": "Save and continue editing"}
    )

    assert response.status_code == 302 and response["Location"] == change_url(draft)
    saved = Article.objects.get(pk=draft.pk)
    assert (saved.title, saved.body, saved.key_takeaways, saved.status) == (
        draft.title, draft.body, draft.key_takeaways, Status.DRAFT,
    )  # fmt: skip
    assert set(saved.tags.all()) == set(draft.tags.all()) and saved.tags.count() == 2
    assert set(saved.related_conditions.all()) == set(draft.related_conditions.all())
    assert saved.category == draft.category and saved.reviewer == draft.reviewer


def test_the_editors_autosave_and_publish_do_what_they_say(client, editor, draft):
    client.force_login(editor)
    fields = form_fields(client.get(change_url(draft)).content.decode(), "article_form")

    kept = client.post(
        reverse("admin:articles_article_autosave"), {**_as_posted(fields), "_autosave_object": draft.pk}
    )
    published = client.post(change_url(draft), {**_as_posted(fields), "_workflow": "publish"})

    assert "kept at" in kept.json()["message"] and Autosave.objects.filter(object_id=str(draft.pk)).exists()
    assert published.status_code == 302
    assert Article.objects.published().filter(pk=draft.pk).exists()


def test_fields_are_read_as_a_browser_submits_them():
    page = """
    <form id="other"><input name="elsewhere" value="x"></form>
    <form id="f">
      <input name="text" value="a &amp; b"><input name="off" disabled value="1">
      <input type="checkbox" name="unticked"><input type="checkbox" name="ticked" checked>
      <input type="submit" name="_save" value="Save"><input type="file" name="upload">
      <select name="first"><option value="">---</option><option value="2">Two</option></select>
      <select name="chosen"><option value="1">One</option><option value="2" selected>Two</option></select>
      <select name="many" multiple><option value="1" selected>1</option><option value="3" selected>3</option>
      </select>
      <select name="bare"><option selected> Plain text </option></select>
      <textarea name="body">
&lt;p&gt;Kept &amp;amp; escaped once&lt;/p&gt;</textarea>
    </form>"""

    assert form_fields(page, "f") == [
        ("text", "a & b"), ("ticked", "on"), ("first", ""), ("chosen", "2"), ("many", "1"), ("many", "3"),
        ("bare", "Plain text"), ("body", "<p>Kept &amp; escaped once</p>"),
    ]  # fmt: skip


def test_the_working_day_has_each_action_as_often_as_the_bench_says():
    day = schedule(130)
    counts = Counter(action for _, action in day)

    assert counts == {"sign_in": 3, "autosave": 43, "draft_save": 4, "publish": 1}
    assert day[0] == (0, "sign_in")
    at_a_minute = [action for second, action in day if second == 60]
    assert at_a_minute == ["sign_in", "publish", "draft_save", "autosave"]  # a fresh session first
    assert [second for second, _ in day] == sorted(second for second, _ in day)


def test_only_readers_requests_count_and_renders_are_placed_around_each_publish(tmp_path):
    def line(request_id, cache, path="/articles/x/", status=200, ms=100):
        return json.dumps(
            {"request_id": request_id, "path": path, "status": status, "duration_ms": ms, "cache": cache}
        )

    log = tmp_path / "cached.log"
    log.write_text(
        "\n".join(
            [
                line("before-the-run", "miss"),
                "[2026-12-01 10:00:00 +0000] [1] [INFO] Booting worker with pid: 2",
                line("r1", "hit"),
                line("login", "bypass", "/admin/login/"),
                line("r2", "miss", "/articles/tag/t/"),  # after a sign-in, before any publish
                line("r3", "stale"),
                line("r4", "bypass", "/safety/check/"),
                line("publish", "bypass", "/admin/articles/article/1/change/"),
                line("r5", "miss", "/"),
                # The editor's own look at the list: a render, but not a reader's request.
                line("check", "miss", "/articles/"),
                line("r6", "miss", "/", status=404),
                line("r7", "hit", ms=250),  # its holes filled again after the publish
                '{"request_id": "cut-off',
            ]
        )
    )
    start = len(line("before-the-run", "miss")) + 1
    editor = SimpleNamespace(
        actions={"login": "sign_in", "publish": "publish", "check": "publish"}, publish_ids=["publish"]
    )

    outcomes = read_log(log, start, log.stat().st_size, editor)

    assert dict(outcomes.counts) == {"hit": 2, "stale": 1, "miss": 3, "bypass": 1}
    assert outcomes.hit_ratio == 3 / 6 and outcomes.errors == 1
    assert outcomes.quiet_renders == [("/articles/tag/t/", "sign_in")]
    assert outcomes.renders[1] == 3 and outcomes.paths[1] == {"/", "/articles/"}
    assert (outcomes.editor_seconds, outcomes.render_seconds) == pytest.approx((0.3, 0.4))
    assert (outcomes.hit_ms(0), outcomes.hit_ms(1)) == pytest.approx((100, 250))
    assert outcomes.slower_hits_seconds() == pytest.approx(0.15)
