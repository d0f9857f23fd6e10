"""Issue 10: clinical facts as sourced, reviewed data; content files; derived safety; medicines; doses."""

import io
import shutil
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Author
from conditions import demo
from conditions.models import AdministrationRoute, Condition, DoseBasis, Severity
from domain.content import ContentError, content_dir, load_library
from domain.models import Person, cite
from domain.richtext import html_to_text
from tests.factories import (
    AdministrationRouteFactory,
    ArticleFactory,
    AuthorFactory,
    ConditionFactory,
    ConditionRouteFactory,
    ContraindicationFactory,
    InteractionFactory,
    PersonFactory,
    SourceFactory,
    UserFactory,
    member_of,
)
from tests.helpers import condition_form_data

pytestmark = pytest.mark.django_db

CHECK_URL = reverse("conditions:check")


# Point 1: content files


@pytest.fixture
def content(tmp_path, settings):
    """A copy of content/ the test may break; the loaders read it instead of the real one."""
    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    settings.CONTENT_DIR = folder
    return folder


def _load(folder):
    call_command("load_demo_content", "--no-accounts", stdout=io.StringIO())


def _replace(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return text[: text.index(old)].count("\n") + 1  # the line of the change


def _load_error(folder):
    with pytest.raises(CommandError) as error:
        _load(folder)
    return str(error.value)


def test_demo_content_loads_from_files_sources_once_per_paper_and_numbers_citations(demo_content):
    ptsd = Condition.objects.get(slug="ptsd")
    assert (
        "[1]" in ptsd.description and "[@" not in ptsd.description and "Feder et al." not in ptsd.description
    )
    assert [c.source.key for c in ptsd.citations.all()] == ["feder-2014", "feder-2021", "abdallah-2022"]
    label = (
        AdministrationRoute.objects.get(slug="intranasal-esketamine")
        .citations.get(source__key="spravato-label")
        .source
    )
    cited_by_articles = label.citations.filter(article__isnull=False)
    assert label.key == "spravato-label" and cited_by_articles.count() >= 3  # one record, many citers


def test_unknown_field_fails_with_file_and_line(content):
    path = content / "library" / "routes" / "iv-ketamine-infusion.html"
    line = _replace(path, "short_name:", "shortname:")
    message = _load_error(content)
    assert f"routes/iv-ketamine-infusion.html:{line}: unknown field 'shortname'" in message
    assert not AdministrationRoute.objects.exists()  # nothing half-loaded


def test_unknown_citation_key_fails_with_file_and_line(content):
    path = content / "library" / "conditions" / "ptsd.html"
    line = _replace(path, "[@feder-2021]", "[@feder-2031]")
    assert f"conditions/ptsd.html:{line}: [@feder-2031] is cited but not listed in 'sources'" in _load_error(
        content
    )
    _replace(path, "[@feder-2031]", "[@feder-2021]")
    _replace(path, "- feder-2021\n", "- nobody-2099\n")
    line = path.read_text().split("\n").index("evidence_basis:") + 1  # its first list naming the key
    assert f"conditions/ptsd.html:{line}: unknown citation key 'nobody-2099'" in _load_error(content)


def test_bad_date_fails_with_file_and_line(content):
    path = content / "library" / "safety" / "interactions.yaml"
    line = _replace(path, "reviewed: 2026-12-06", "reviewed: 2026-13-01")
    assert f"safety/interactions.yaml:{line}: bad date '2026-13-01' for 'reviewed'" in _load_error(content)


def test_missing_alt_text_fails_with_file_and_line(content):
    path = content / "library" / "routes" / "intramuscular-ketamine.html"
    text = path.read_text()
    body_start = text.index("\n---\n") + 5
    path.write_text(
        text[:body_start] + '<p>Where.</p>\n<img src="/static/img/arm.png">\n' + text[body_start:]
    )
    line = text[:body_start].count("\n") + 2
    assert f"routes/intramuscular-ketamine.html:{line}: missing alt text" in _load_error(content)


def test_a_value_too_long_for_its_field_fails_with_file_and_line(content):
    path = content / "library" / "routes" / "iv-ketamine-infusion.html"
    line = _replace(path, "dose_note: ", "dose_note: " + "very " * 70)
    assert f"routes/iv-ketamine-infusion.html:{line}: 'dose_note' is 4" in _load_error(content)


def test_content_error_names_file_and_line_in_plain_words(tmp_path):
    (tmp_path / "bibliography.yaml").write_text(
        "good-2020:\n  text: A paper.\nbad-2021:\n  title: A paper.\n"
    )
    with pytest.raises(ContentError) as error:
        load_library(tmp_path)
    assert str(error.value).endswith(
        "bibliography.yaml:4: unknown field 'title'; the fields here are: doi, pmid, policy, text, url"
    )


# Point 2: sources everywhere; the content check


def test_content_check_passes_on_the_demo_and_reports_a_planted_unsourced_figure(demo_content):
    out = io.StringIO()
    call_command("check_content", stdout=out)
    assert "Every figure in the clinical text stands next to its citation" in out.getvalue()

    route = AdministrationRoute.objects.get(slug="iv-ketamine-infusion")
    route.description += "<p>About 70% of people feel better after 3 infusions.</p>"
    route.save()
    contraindication = ContraindicationFactory(explanation="Blood pressure rises for 4 hours.")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 figure"):
        call_command("check_content", stdout=out)
    report = out.getvalue()
    assert "About 70% of people feel better after 3 infusions." in report and "70%" in report
    assert "Blood pressure rises for 4 hours." in report

    cite(contraindication, [SourceFactory()])  # a source beside it: no longer reported
    with pytest.raises(CommandError, match="1 figure"):
        call_command("check_content", stdout=io.StringIO())


def test_condition_page_shows_numbered_references_and_the_basis_of_its_grade(client, demo_content):
    html = client.get(reverse("conditions:detail", args=["ptsd"])).content.decode()
    assert "[1]" in html_to_text(html) and 'id="ref-condition-1"' in html and "Feder A, et al." in html
    assert '[<a class="cite" href="#ref-condition-1"' in html  # the marker links to its reference
    assert "This grade rests on:" in html and "Abdallah CG" in html
    assert 'class="meta review-dates">Last reviewed on <time datetime="' in html
    assert "by Dana Whitfield, MD" in html and "Next review due" in html


# Point 3: medicines


def test_prescreen_asks_about_medicines_and_says_what_it_covered(client):
    ContraindicationFactory(name="Psychosis", screening_question="Have you had psychosis?")
    opioids = InteractionFactory(
        name="Opioid pain medicines", severity=Severity.SERIOUS, screening_question="Do you take an opioid?"
    )
    hidden = InteractionFactory(screening_question="A hidden medicine question?", is_listed=False)

    html = client.get(CHECK_URL).content.decode()
    assert "Medicines you take" in html and "<legend>Do you take an opioid?</legend>" in html
    assert hidden.screening_question not in html
    assert html.index("Have you had psychosis?") < html.index("Do you take an opioid?")

    answer = client.post(CHECK_URL, {f"m{opioids.pk}": "yes"}).content.decode()
    assert "Opioid pain medicines</h3>" in answer and "can be dangerous" in answer
    assert "This screen asked 1 question about health conditions and 1 about medicines" in answer
    assert "A clinician decides" in answer and "rules ketamine treatment out" not in answer


def test_route_page_and_safety_page_show_interactions_for_their_routes(client):
    iv, nasal = AdministrationRouteFactory(name="IV infusion"), AdministrationRouteFactory(name="Nasal spray")
    everywhere = InteractionFactory(name="Alcohol", advice="Do not drink on the day.")
    only_nasal = InteractionFactory(name="MAOI antidepressants", routes=[nasal])

    iv_html = client.get(iv.get_absolute_url()).content.decode()
    assert (
        "Medicines that interact" in iv_html
        and "Alcohol" in iv_html
        and "Do not drink on the day." in iv_html
    )
    assert only_nasal.name not in iv_html
    assert only_nasal.name in client.get(nasal.get_absolute_url()).content.decode()
    safety = client.get(reverse("conditions:safety")).content.decode()
    assert (
        everywhere.name in safety
        and only_nasal.name in safety
        and "Applies to every treatment route" in safety
    )


# Point 4: safety derived from the routes


def test_changing_a_routes_contraindications_changes_its_conditions_pages(client):
    route = AdministrationRouteFactory(name="Nasal esketamine")
    other_route = AdministrationRouteFactory(name="IV ketamine")
    tr_depression = ConditionRouteFactory(route=route).condition
    ptsd = ConditionRouteFactory(route=other_route).condition
    aneurysm = ContraindicationFactory(name="Aneurysm or brain bleed", routes=[other_route])
    own = ContraindicationFactory(name="Condition-specific caution", routes=[other_route])
    tr_depression.contraindications.add(own)

    html = client.get(tr_depression.get_absolute_url()).content.decode()
    assert aneurysm.name not in html and own.name in html  # staff's own addition shows regardless

    aneurysm.routes.add(route)  # the route's list changes; no condition is touched

    html = client.get(tr_depression.get_absolute_url()).content.decode()
    assert aneurysm.name in html and "With Nasal esketamine" in html
    assert aneurysm.name in client.get(ptsd.get_absolute_url()).content.decode()

    aneurysm.routes.remove(route)
    assert aneurysm.name not in client.get(tr_depression.get_absolute_url()).content.decode()


def test_a_contraindication_for_every_route_shows_on_every_treated_condition(client):
    condition = ConditionRouteFactory().condition
    untreated = ConditionFactory()  # no route: nothing to derive
    pregnancy = ContraindicationFactory(name="Pregnancy")
    html = client.get(condition.get_absolute_url()).content.decode()
    assert pregnancy.name in html and "With every treatment route" in html
    assert pregnancy.name not in client.get(untreated.get_absolute_url()).content.decode()


# Point 5: emergency advice


def test_emergency_advice_shows_on_the_route_page_and_its_related_articles(client):
    route = AdministrationRouteFactory(
        emergency_signs="Chest pain or pressure\nA seizure", call_clinic_signs="Nausea that has not settled"
    )
    link = ConditionRouteFactory(route=route)
    article = ArticleFactory(published=True, related_conditions=[link.condition])
    unrelated = ArticleFactory(published=True)

    for url in (route.get_absolute_url(), article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<strong>Call 911</strong>" in html and "<li>Chest pain or pressure</li>" in html
        assert "<strong>Call the clinic</strong>" in html and "<li>Nausea that has not settled</li>" in html
    assert "Call 911</strong>" not in client.get(unrelated.get_absolute_url()).content.decode()


# Point 6: numbers as numbers


def test_dose_display_and_range_are_numbers():
    iv = AdministrationRouteFactory(
        dose_min=Decimal("0.5"), dose_max=Decimal("1"), dose_basis=DoseBasis.PER_KG
    )
    nasal = AdministrationRouteFactory(
        dose_min=56, dose_max=84, dose_is_choice=True, dose_basis=DoseBasis.FIXED
    )
    assert iv.dose_display == "0.5 to 1 mg/kg" and nasal.dose_display == "56 or 84 mg"
    assert iv.dose_in_range(Decimal("0.75"), "mg", True) and not iv.dose_in_range(Decimal("2"), "mg", True)
    assert nasal.dose_in_range(Decimal("84"), "mg", False) and not nasal.dose_in_range(
        Decimal("70"), "mg", False
    )


def test_a_dose_outside_the_routes_range_warns_on_save_but_saves(client):
    AdministrationRouteFactory(
        name="IV ketamine infusion", short_name="IV infusion", route_of_administration="intravenous",
        dose_min=Decimal("0.5"), dose_max=Decimal("0.5"), dose_basis=DoseBasis.PER_KG,
    )  # fmt: skip
    condition = ConditionFactory()
    client.force_login(member_of("Clinic staff"))
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    sentence = "A typical IV infusion gives 2 mg/kg over 40 minutes."
    description = f"<p>Most people rest afterwards. {sentence}</p>"

    response = client.post(url, condition_form_data(condition, description=description), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f"“{sentence}” gives 2 mg/kg for IV ketamine infusion, outside its usual range of 0.5 mg/kg" in html
    )
    condition.refresh_from_db()
    assert sentence in condition.description  # a warning, not a block

    ok = "<p>A typical IV infusion gives 0.5 mg/kg over 40 minutes.</p>"
    response = client.post(url, condition_form_data(condition, description=ok), follow=True)
    assert "outside its usual range" not in response.content.decode()


# Point 7: the review lifecycle


def test_editing_reviewed_text_marks_it_changed_and_puts_it_in_the_queue(client):
    reviewer = PersonFactory(display_name="Dana Whitfield")
    condition = ConditionFactory(name="Panic disorder", reviewer=reviewer, last_reviewed=date.today())
    condition.full_clean()  # the form's path: 12 months by default
    assert condition.next_review_due == date.today() + timedelta(days=365)
    condition.save()
    due = condition.next_review_due.isoformat()
    assert (
        f'Next review due <time datetime="{due}">'
        in client.get(condition.get_absolute_url()).content.decode()
    )
    assert not condition.changed_since_review and condition not in Condition.objects.review_queue()

    client.force_login(member_of("Clinic staff"))
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    client.post(url, condition_form_data(condition, summary="An edited summary.", reviewer=reviewer.pk,
                                         last_reviewed=condition.last_reviewed.isoformat(),
                                         next_review_due=condition.next_review_due.isoformat()))  # fmt: skip
    condition.refresh_from_db()
    assert condition.summary == "An edited summary." and condition.changed_since_review
    assert condition in Condition.objects.review_queue()

    queue = client.get(reverse("admin:review_queue")).content.decode()
    assert "Panic disorder" in queue and "Changed since review" in queue
    page = client.get(condition.get_absolute_url()).content.decode()
    assert "Changed since that review" in page and "by Dana Whitfield, MD" in page

    condition.sign_off(reviewer, date.today())  # reviewed again: current, out of the queue
    assert not condition.changed_since_review and condition not in Condition.objects.review_queue()
    assert "Changed since that review" not in client.get(condition.get_absolute_url()).content.decode()


def _article_changed_since_review(title):
    article = ArticleFactory(
        published=True,
        title=title,
        reviewer=AuthorFactory(reviewer=True).person,
        last_reviewed=date.today() - timedelta(days=10),
    )
    article.body += "<p>A new paragraph.</p>"
    article.save()
    return article


def test_queue_lists_overdue_and_due_soon_and_not_current_items(client):
    reviewer = PersonFactory()
    overdue = ConditionFactory(
        name="Overdue one", reviewer=reviewer, last_reviewed=date.today() - timedelta(400)
    )
    soon = ContraindicationFactory(name="Due soon one")
    soon.sign_off(reviewer, date.today() - timedelta(days=350))
    current = InteractionFactory(name="Current one")
    current.sign_off(reviewer, date.today())
    _article_changed_since_review("Article in the queue")

    client.force_login(member_of("Editors"))
    queue = client.get(reverse("admin:review_queue")).content.decode()
    assert "Article in the queue" in queue and "Changed since review" in queue
    assert overdue.name in queue  # editors may view conditions (they link articles to them)
    assert soon.name not in queue  # but not the contraindications clinic staff keep
    client.force_login(member_of("Clinic staff"))
    queue = client.get(reverse("admin:review_queue")).content.decode()
    assert "Overdue one" in queue and "Overdue" in queue
    assert "Due soon one" in queue and "Due within 30 days" in queue
    assert "Current one" not in queue
    client.force_login(UserFactory())
    assert client.get(reverse("admin:review_queue")).status_code == 403


def test_the_queue_puts_what_others_keep_apart_from_what_the_person_can_change(client):
    reviewer = PersonFactory()
    ConditionFactory(name="Overdue condition", reviewer=reviewer, last_reviewed=date.today() - timedelta(400))
    _article_changed_since_review("Edited article")

    client.force_login(member_of("Clinic staff"))  # keeps conditions; may only view articles
    queue = client.get(reverse("admin:review_queue")).content.decode()
    yours, others = queue.split('id="review-queue"')[1].split('class="review-queue-others"')
    assert "Overdue condition" in yours and "Edited article" not in yours
    assert "Kept by others: 1 item due for review, which you may view but not change" in others
    assert "Edited article" in others

    client.force_login(member_of("Editors"))  # the reverse: articles are theirs, conditions others'
    queue = client.get(reverse("admin:review_queue")).content.decode()
    yours, others = queue.split('id="review-queue"')[1].split('class="review-queue-others"')
    assert "Edited article" in yours and "Overdue condition" not in yours and "Overdue condition" in others


def test_reviewers_are_person_records_shared_by_articles_and_conditions():
    author = AuthorFactory(display_name="Dana Whitfield", credentials="MD", may_review=True)
    person = Person.objects.get(author=author)
    assert person.name_with_credentials == "Dana Whitfield, MD" and person.may_review
    condition = ConditionFactory(reviewer=author.person)
    author.person.credentials = "MD, PhD"  # the one record: the author's byline reads it too
    author.person.save()
    condition.refresh_from_db()
    assert condition.reviewer.name_with_credentials == "Dana Whitfield, MD, PhD"
    assert Author.objects.get(pk=author.pk).get_absolute_url() == f"/articles/author/{author.slug}/"


def test_demo_reviewers_are_one_person_for_both_apps(demo_content):
    person = Person.objects.get(slug="dana-whitfield")
    assert person.author.slug == "dana-whitfield"
    assert Condition.objects.filter(reviewer=person).count() == Condition.objects.count()
    assert Person.objects.filter(display_name="Dana Whitfield").count() == 1
    demo.load()  # again, alone: nothing duplicated
    assert Person.objects.filter(display_name="Dana Whitfield").count() == 1


def test_clinic_staff_find_what_waits_for_a_medical_review_on_their_home_page(client):
    reviewer = PersonFactory()
    ConditionFactory(name="Overdue one", reviewer=reviewer, last_reviewed=date.today() - timedelta(400))
    changed = ContraindicationFactory(name="Edited one")
    changed.sign_off(reviewer, date.today() - timedelta(days=10))
    changed.explanation = "A corrected explanation."
    changed.save()
    InteractionFactory(name="Current one").sign_off(reviewer, date.today())

    client.force_login(member_of("Clinic staff"))
    home = client.get(reverse("admin:index")).content.decode()

    panel = home[home.index("Due for medical review") :]
    assert "Overdue one" in panel and "Edited one" in panel and "Current one" not in panel
    assert "<strong>2</strong> changed since review or overdue" in panel
    assert reverse("admin:review_queue") in panel
