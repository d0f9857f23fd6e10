"""Issue 21, parts 3 and 4: the clinical library ships on its own, versioned, and a newer version reaches a
running clinic as proposals someone accepts or declines; no public page changes by itself."""

import io
import re
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from articles.models import Article, Author
from conditions.models import AdministrationRoute, Condition, Contraindication
from conditions.roles import CLINIC_STAFF
from domain.content import PROJECT_DIR, demo_dir, library_dir, read_document
from domain.models import SiteProfile
from library.decisions import seen_token
from library.models import LibraryItem, LibraryProposal, LibraryState, Status
from tests.factories import member_of
from tests.helpers import form_data

pytestmark = pytest.mark.django_db

# The three items the v2 of these tests touches, and the public pages that show them.
EDITED = "ptsd"  # clinic staff edit its summary; v2 changes the same summary
CHANGED = "iv-ketamine-infusion"  # v2 changes its observation period (a safety correction)
WITHDRAWN = "bladder-problems"  # v2 no longer holds it
PAGES = ["/", "/conditions/", f"/conditions/{EDITED}/", "/treatments/", f"/treatments/{CHANGED}/", "/safety/",
         "/safety/check/"]  # fmt: skip
CLINIC_SUMMARY = "Our own words about lasting symptoms after trauma, which we assess at a first visit."
LIBRARY_SUMMARY = "Symptoms that last after a traumatic event, such as intrusive memories and nightmares."
OLD_OBSERVATION = "usually 30 to 60 minutes after the infusion ends"
NEW_OBSERVATION = "usually 60 to 90 minutes after the infusion ends"


@pytest.fixture
def library(tmp_path):
    """A copy of the real library (version 1) that a test turns into later versions."""
    folder = tmp_path / "library"
    shutil.copytree(library_dir(), folder)
    return folder


def load(folder):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_library", "--folder", str(folder), stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def release(folder, version, changes):
    """Raise the library in folder to version, with a changelog entry listing changes."""
    manifest = folder / "library.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = re.sub(r"^version: \d+$", f"version: {version}", text, count=1, flags=re.MULTILINE)
    entry = f"  - version: {version}\n    date: 2026-12-07\n    changes:\n" + "".join(
        "      - {" + ", ".join(f"{key}: {value}" for key, value in change.items()) + "}\n"
        for change in changes
    )
    manifest.write_text(text.replace("changelog:\n", "changelog:\n" + entry, 1), encoding="utf-8")


def make_version_2(folder):
    """The library's next version: one summary rewritten, one observation period corrected, one item gone."""
    _replace(
        folder / "conditions" / f"{EDITED}.html",
        "summary: Lasting symptoms after a traumatic event, such as intrusive memories, nightmares, "
        "avoidance, feeling constantly\n  on edge, and changes in mood and thinking.",
        f"summary: {LIBRARY_SUMMARY}",
    )
    _replace(folder / "routes" / f"{CHANGED}.html", OLD_OBSERVATION, NEW_OBSERVATION)
    path = folder / "safety" / "contraindications.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(f"- slug: {WITHDRAWN}\n")], encoding="utf-8")
    release(folder, 2, [
        {"item": "condition", "slug": EDITED, "change": "changed", "reason": "A plainer summary."},
        {"item": "route", "slug": CHANGED, "change": "changed", "safety": "true", "source": "ketalar-label",
         "reason": "Observation after an infusion was too short."},
        {"item": "contraindication", "slug": WITHDRAWN, "change": "withdrawn",
         "reason": "Folded into the substance use item."},
    ])  # fmt: skip


def public_pages():
    """Return each public page as an anonymous reader gets it (form tokens aside)."""
    reader = Client()
    pages = {}
    for url in PAGES:
        response = reader.get(url)
        assert response.status_code == 200, url
        pages[url] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return pages


def staff_edits_the_summary(client, staff):
    """Clinic staff change the condition's summary in its admin form, as they would in a browser."""
    client.force_login(staff)
    condition = Condition.objects.get(slug=EDITED)
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    data = form_data(client.get(url), summary=CLINIC_SUMMARY)
    for number in range(data["route_links-TOTAL_FORMS"]):
        data.setdefault(f"route_links-{number}-order", 0)  # form_data leaves out a 0, as it leaves out False
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    assert Condition.objects.get(slug=EDITED).summary == CLINIC_SUMMARY


def _errors(response):
    return re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)


def proposal_for(key):
    return LibraryProposal.objects.get(key=key, status=Status.OPEN)


def decide(client, proposal, decision, seen=None):
    page = client.get(reverse("admin:library_libraryproposal_change", args=[proposal.pk]))
    assert page.status_code == 200
    data = {"decision": decision, "seen": seen if seen is not None else page.context["seen"]}
    return client.post(reverse("admin:library_libraryproposal_decide", args=[proposal.pk]), data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_a_new_version_proposes_and_changes_no_page_until_someone_decides(client, library):
    staff = member_of(CLINIC_STAFF)
    assert "Clinical library version 1 is loaded" in load(library)
    staff_edits_the_summary(client, staff)
    before = public_pages()
    make_version_2(library)

    output = load(library)

    assert (
        "3 proposed changes, 1 of them a safety correction" in output
        and "No public page has changed" in output
    )
    assert public_pages() == before  # no public page changed by itself
    assert Condition.objects.get(slug=EDITED).summary == CLINIC_SUMMARY
    assert Contraindication.objects.get(slug=WITHDRAWN).is_listed
    assert LibraryState.current_version() == 2

    # The review queue lists the three, each with its page: the diff, the reason, the source.
    queue = client.get(reverse("admin:review_queue")).content.decode()
    proposals = {key: proposal_for(key) for key in (EDITED, CHANGED, WITHDRAWN)}
    for proposal in proposals.values():
        assert reverse("admin:library_libraryproposal_change", args=[proposal.pk]) in queue
    edited_page = client.get(reverse("admin:library_libraryproposal_change", args=[proposals[EDITED].pk]))
    html = edited_page.content.decode()
    assert "A plainer summary." in html and "edited on this site: accepting replaces the edit" in html
    row = edited_page.context["diff"].rows[0]
    assert row.comparison.label == "Summary" and row.clinic_edit
    assert (
        "<del>Our own words" in row.comparison.old and "<ins>Symptoms that last</ins>" in row.comparison.new
    )
    changed_page = client.get(reverse("admin:library_libraryproposal_change", args=[proposals[CHANGED].pk]))
    html = changed_page.content.decode()
    assert "Safety correction." in html and "Observation after an infusion was too short." in html
    assert "KETALAR" in html.upper()  # the source, by its citation
    assert "<del>30</del>" in html and "<ins>90</ins>" in html
    withdrawn_rows = (
        client.get(reverse("admin:library_libraryproposal_change", args=[proposals[WITHDRAWN].pk]))
        .context["diff"]
        .rows
    )
    assert [(r.comparison.label, r.comparison.old, r.comparison.new) for r in withdrawn_rows] == [
        ("Listed", "<del>Yes</del>", "<ins>No</ins>")
    ]
    # The safety correction is at the top of the admin home until someone decides it.
    home = client.get(reverse("admin:index"))
    assert home.context["dashboard_panels"][0].alert
    assert "Safety corrections from the clinical library" in home.content.decode()

    # Accepting changes that item's pages, and its history names the version and the person.
    accepted = decide(client, proposals[CHANGED], "accept")
    assert any("now shows library version 2" in message for message in messages_of(accepted))
    after = public_pages()
    assert (
        NEW_OBSERVATION in after[f"/treatments/{CHANGED}/"]
        and OLD_OBSERVATION in before[f"/treatments/{CHANGED}/"]
    )
    route = AdministrationRoute.objects.get(slug=CHANGED)
    latest = route.history.order_by("-history_date", "-history_id").first()
    assert "clinical library version 2" in latest.history_change_reason and latest.history_user == staff
    assert LibraryItem.objects.get(kind="route", key=CHANGED).version == 2
    history = client.get(reverse("admin:conditions_administrationroute_history", args=[route.pk]))
    assert "From clinical library version 2" in history.content.decode()
    assert not client.get(reverse("admin:index")).context["dashboard_panels"][0].alert

    # Keeping ours leaves the clinic's edit and records who decided.
    kept = decide(client, proposals[EDITED], "keep")
    assert any("Kept ours" in message for message in messages_of(kept))
    assert Condition.objects.get(slug=EDITED).summary == CLINIC_SUMMARY
    assert public_pages()[f"/conditions/{EDITED}/"] == before[f"/conditions/{EDITED}/"]
    decided = LibraryProposal.objects.get(pk=proposals[EDITED].pk)
    assert (decided.status, decided.decided_by) == (Status.KEPT, staff) and decided.decided_at

    # Accepting a withdrawal hides the item; it is not deleted.
    decide(client, proposals[WITHDRAWN], "accept")
    item = Contraindication.objects.get(slug=WITHDRAWN)
    assert not item.is_listed and item.name not in client.get("/safety/").content.decode()

    # Loading the same version again proposes nothing more; a decided change is not proposed again.
    assert "already holds clinical library version 2" in load(library)
    release(library, 3, [])
    load(library)
    assert not LibraryProposal.objects.filter(status=Status.OPEN).exists()
    assert Condition.objects.get(slug=EDITED).summary == CLINIC_SUMMARY


def test_deciding_twice_or_on_a_stale_page_is_refused_with_a_clear_message(client, library):
    staff = member_of(CLINIC_STAFF)
    client.force_login(staff)
    load(library)
    make_version_2(library)
    load(library)
    proposal = proposal_for(CHANGED)
    page = client.get(reverse("admin:library_libraryproposal_change", args=[proposal.pk]))
    seen = page.context["seen"]

    # Someone changes the item after the page was opened: the diff seen is out of date.
    route = AdministrationRoute.objects.get(slug=CHANGED)
    route.setting = "Our infusion suite"
    route.save()
    stale = decide(client, proposal, "accept", seen=seen)
    assert any("changed after this page was opened" in message for message in messages_of(stale))
    assert LibraryProposal.objects.get(pk=proposal.pk).status == Status.OPEN
    assert OLD_OBSERVATION in AdministrationRoute.objects.get(slug=CHANGED).observation_period

    decide(client, proposal, "keep")
    twice = client.post(
        reverse("admin:library_libraryproposal_decide", args=[proposal.pk]),
        {"decision": "accept", "seen": seen_token(LibraryProposal.objects.get(pk=proposal.pk))},
        follow=True,
    )
    assert any(f"already decided (kept ours) by {staff.username}" in m for m in messages_of(twice))
    assert OLD_OBSERVATION in AdministrationRoute.objects.get(slug=CHANGED).observation_period

    nonsense = decide(client, proposal_for(EDITED), "maybe")
    assert any("Choose" in message for message in messages_of(nonsense))
    assert client.get(reverse("admin:library_libraryproposal_decide", args=[proposal.pk])).status_code == 405


def test_only_those_who_may_change_the_item_decide(client, library):
    load(library)
    make_version_2(library)
    load(library)
    proposal = proposal_for(CHANGED)
    editor = member_of("Editors")
    client.force_login(editor)
    response = client.post(
        reverse("admin:library_libraryproposal_decide", args=[proposal.pk]),
        {"decision": "accept", "seen": seen_token(proposal)},
    )
    assert response.status_code == 403
    assert client.get(reverse("admin:library_libraryproposal_changelist")).status_code == 403
    assert LibraryProposal.objects.get(pk=proposal.pk).status == Status.OPEN


def test_accepting_a_change_over_the_clinics_own_edit_leaves_it_changed_since_review(client, library):
    """The library's sign-off covers the library's text, not a clinic's edit that stays beside it."""
    staff = member_of(CLINIC_STAFF)
    load(library)
    staff_edits_the_summary(client, staff)
    _replace(library / "conditions" / f"{EDITED}.html", "reviewed: 2026-12-01", "reviewed: 2026-12-06")
    release(
        library, 2, [{"item": "condition", "slug": EDITED, "change": "changed", "reason": "Re-reviewed."}]
    )
    load(library)
    proposal = proposal_for(EDITED)
    assert proposal.fields == [
        "last_reviewed",
        "next_review_due",
    ]  # the summary is the clinic's: kept either way
    page = client.get(reverse("admin:library_libraryproposal_change", args=[proposal.pk]))
    assert page.context["diff"].kept_edits == ["summary"]
    decide(client, proposal, "accept")
    condition = Condition.objects.get(slug=EDITED)
    assert condition.summary == CLINIC_SUMMARY and str(condition.last_reviewed) == "2026-12-06"
    assert condition.changed_since_review and condition.review_state == "Changed since review"


def test_an_added_item_is_proposed_and_waits_for_what_it_names(client, library):
    staff = member_of(CLINIC_STAFF)
    client.force_login(staff)
    load(library)
    route = (library / "routes" / "intramuscular-ketamine.html").read_text(encoding="utf-8")
    (library / "routes" / "oral-esketamine.html").write_text(
        route.replace("name: Intramuscular", "name: Oral trial", 1), encoding="utf-8"
    )
    _replace(
        library / "conditions" / "ocd.html", "routes:\n", "routes:\n- route: oral-esketamine\n  note: Trial\n"
    )
    (library / "bibliography.yaml").write_text(
        (library / "bibliography.yaml").read_text(encoding="utf-8")
        + "new-trial-2026:\n  text: A new trial. 2026.\n  pmid: '12345678'\n",
        encoding="utf-8",
    )
    release(library, 2, [
        {"item": "route", "slug": "oral-esketamine", "change": "added", "reason": "A new route."},
        {"item": "condition", "slug": "ocd", "change": "changed", "reason": "Linked to the new route."},
    ])  # fmt: skip
    output = load(library)
    assert "source “new-trial-2026”" in output  # a new source shows nowhere by itself: added at once
    assert not AdministrationRoute.objects.filter(slug="oral-esketamine").exists()
    refused = decide(client, proposal_for("ocd"), "accept")
    assert any(
        "treatment route “oral-esketamine”, which this site does not have" in m for m in messages_of(refused)
    )
    decide(client, proposal_for("oral-esketamine"), "accept")
    decide(client, proposal_for("ocd"), "accept")
    assert Condition.objects.get(slug="ocd").routes.filter(slug="oral-esketamine").exists()
    assert client.get("/treatments/oral-esketamine/").status_code == 200


def test_the_library_alone_loads_into_an_empty_site_without_the_demo(library):
    output = load(library)
    assert "Nothing else was loaded" in output
    assert Condition.objects.count() == len(list((library / "conditions").glob("*.html")))
    assert not Article.objects.exists() and not Author.objects.exists()
    assert not get_user_model().objects.exists()  # no demo accounts
    assert SiteProfile.objects.get_current().name == "Ketamine Clinic"  # the default, not the demo clinic's
    reader = Client()
    assert reader.get(f"/conditions/{EDITED}/").status_code == 200
    articles = reader.get("/articles/")
    assert articles.status_code == 200
    demo_titles = [
        read_document(path).meta.values["title"] for path in (demo_dir() / "articles").glob("*.html")
    ]
    assert demo_titles and not any(title in articles.content.decode() for title in demo_titles)


def test_the_image_holds_the_library_and_not_the_demo():
    dockerfile = (PROJECT_DIR / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY --chown=10001:10001 content/library content/library" in dockerfile
    assert not re.search(r"^COPY .*content(/demo)?\s", dockerfile, re.MULTILINE)
    assert "content/demo" in (PROJECT_DIR / ".dockerignore").read_text(encoding="utf-8").split()


def test_the_demo_loads_the_library_with_its_version_again_and_again(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    call_command("load_demo_content", "--no-accounts", stdout=io.StringIO())
    first = LibraryItem.objects.count()
    call_command("load_demo_content", "--no-accounts", stdout=io.StringIO())
    assert LibraryItem.objects.count() == first and LibraryState.current_version() == 1
    assert Article.objects.exists()
    assert "already holds clinical library version 1" in load(library_dir())


def test_an_older_library_or_a_bad_changelog_is_refused_with_file_and_line(library):
    load(library)
    release(library, 2, [{"item": "conditon", "slug": EDITED, "change": "changed", "reason": "Typo."}])
    with pytest.raises(CommandError) as error:
        load(library)
    assert "library.yaml:" in str(error.value) and "unknown item 'conditon'" in str(error.value)
    assert LibraryState.current_version() == 1
    _replace(library / "library.yaml", "item: conditon", "item: condition")
    load(library)
    with pytest.raises(CommandError, match="newer than this library's version 1"):
        load(library_dir())  # the real library, still at version 1
    assert LibraryState.current_version() == 2
