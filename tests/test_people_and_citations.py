"""One person, one citation model, one review rule (issue 20).

A medical reviewer is a person record wherever they sign off, and an author's name is that record's; articles
cite sources as clinical items do; when a review falls due is decided by one rule, in Python and in SQL alike.
The data migrations are run here on rows like the demo's, built at the migrations before them.
"""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Author
from conditions.models import Condition
from domain.content import Bibliography, demo_dir, documents, library_dir, read_list
from domain.models import Citation, Person, cite
from domain.review_dates import REVIEW_DUE_SOON, REVIEW_INTERVAL, ReviewState
from editorial.admin import ReviewStateFilter
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    ConditionFactory,
    PersonFactory,
    ReferenceFactory,
    SourceFactory,
    member_of,
)
from tests.helpers import form_data

BEFORE = [("articles", "0014_category_index_is_the_keys_index"), ("clinic", "0008_redirects_stay_on_site")]


def _json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(found.group(1))["@graph"]


# One person


@pytest.mark.django_db
def test_an_authors_name_edited_in_the_author_admin_is_the_one_every_page_shows(client):
    author = AuthorFactory(display_name="Dana Whitfield", credentials="MD", may_review=True)
    article = ArticleFactory(author=author, reviewer=author.person, published=True)
    condition = ConditionFactory(reviewer=author.person, last_reviewed=timezone.localdate())
    client.force_login(member_of("Editors", username="ed"))
    url = reverse("admin:articles_author_change", args=[author.pk])

    data = form_data(client.get(url), display_name="Dana Whitfield-Ng", credentials="MD, PhD")

    response = client.post(url, data)

    assert response.status_code == 302
    assert Person.objects.count() == 1  # no second copy of her name anywhere
    for page in (article.get_absolute_url(), condition.get_absolute_url(), author.get_absolute_url()):
        html = client.get(page).content.decode()
        assert "Dana Whitfield-Ng, MD, PhD" in html, page
        assert "Dana Whitfield, MD<" not in html, page


@pytest.mark.django_db
def test_a_clinical_reviewer_who_starts_writing_keeps_their_one_person_record(client):
    reviewer = PersonFactory(display_name="Lena Ortiz", slug="lena-ortiz", credentials="PharmD")
    client.force_login(member_of("Editors", username="ed"))
    add_url = reverse("admin:articles_author_add")

    data = form_data(client.get(add_url), display_name="Lena Ortiz", slug="lena-ortiz", credentials="PharmD")
    response = client.post(add_url, {**data, "may_review": "on", "role": "Clinical pharmacist"})

    assert response.status_code == 302
    assert Person.objects.get() == reviewer
    assert Author.objects.get().person == reviewer and reviewer.author.role == "Clinical pharmacist"


@pytest.mark.django_db
def test_an_editor_picks_the_reviewer_from_the_people_who_may_review(client):
    AuthorFactory(display_name="Rita Writer", may_review=False)
    PersonFactory(display_name="Rita Pharmacist", credentials="PharmD", may_review=True)  # writes nothing
    client.force_login(member_of("Editors", username="ed"))

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "reviewer", "term": "Rita"},
    )

    names = [result["text"] for result in response.json()["results"]]
    assert names == ["Rita Pharmacist, PharmD"]


@pytest.mark.django_db
def test_a_reviewer_without_an_author_page_is_named_without_a_link(client):
    reviewer = PersonFactory(display_name="Lena Ortiz", credentials="PharmD")
    article = ArticleFactory(published=True, reviewer=reviewer)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Medically reviewed by Lena Ortiz, PharmD on" in html
    page = next(node for node in _json_ld(html) if node["@type"] == "MedicalWebPage")
    assert page["reviewedBy"] == {"@type": "Person", "name": "Lena Ortiz, PharmD"}


@pytest.mark.django_db
def test_a_reviewer_who_writes_is_linked_to_their_author_page_and_is_one_node(client):
    article = ArticleFactory(published=True)
    profile = article.reviewer.author

    html = client.get(article.get_absolute_url()).content.decode()

    link = f'<a href="{profile.get_absolute_url()}">{profile.name_with_credentials}</a>'
    assert f"Medically reviewed by {link} on" in html
    graph = _json_ld(html)
    page = next(node for node in graph if node["@type"] == "MedicalWebPage")
    assert page["reviewedBy"]["@id"].endswith(f"{profile.get_absolute_url()}#person")
    assert [node["name"] for node in graph if node["@type"] == "Person"] == [
        article.author.display_name,
        profile.display_name,
    ]


# One citation model


@pytest.mark.django_db
def test_article_references_are_citations_numbered_like_every_items(client):
    article = ArticleFactory(published=True, body="<p>First [1], then second [2].</p>")
    ReferenceFactory(article=article, order=2, text="Second study.")
    ReferenceFactory(article=article, order=1, text="First study.")

    html = client.get(article.get_absolute_url()).content.decode()

    cited = Citation.objects.filter(article=article).order_by("order")
    assert [citation.source.text for citation in cited] == ["First study.", "Second study."]
    assert re.search(r'<li id="ref-1">First study\..*?<li id="ref-2">Second study\.', html, re.DOTALL)
    posting = next(node for node in _json_ld(html) if node["@type"] == "BlogPosting")
    assert [work["name"] for work in posting["citation"]] == ["First study.", "Second study."]


@pytest.mark.django_db
def test_the_article_admin_saves_references_as_citations_with_their_history(client):
    article = ArticleFactory()
    first, second = SourceFactory(text="First paper."), SourceFactory(text="Second paper.")
    editor = member_of("Editors", username="ed")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    prefix = "clinic-citation-content_type-object_id"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": 2,
            f"{prefix}-0-order": 1,
            f"{prefix}-0-source": first.pk,
            f"{prefix}-1-order": 2,
            f"{prefix}-1-source": second.pk,
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert [citation.source for citation in article.citations.all()] == [first, second]
    assert {version.history_user for version in Citation.history.filter(object_id=article.pk)} == {editor}


@pytest.mark.django_db
def test_citing_the_same_sources_again_writes_nothing():
    article = ArticleFactory()
    first, second = SourceFactory(), SourceFactory()
    cite(article, [first, second])
    versions = Citation.history.count()

    cite(article, [first, second])
    assert Citation.history.count() == versions

    cite(article, [second, first])
    assert [citation.source for citation in article.citations.all()] == [second, first]
    assert Citation.history.count() == versions + 2


# One review rule


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reviewed_days_ago", "due_in_days", "state"),
    [
        (REVIEW_INTERVAL.days + 10, None, ReviewState.OVERDUE),  # no due date set: a year after the review
        (REVIEW_INTERVAL.days - 10, None, ReviewState.DUE_SOON),
        (REVIEW_INTERVAL.days - REVIEW_DUE_SOON.days - 1, None, ""),
        (30, -1, ReviewState.OVERDUE),  # the due date set wins over the interval
        (30, 0, ReviewState.DUE_SOON),
        (30, REVIEW_DUE_SOON.days, ReviewState.DUE_SOON),
        (30, REVIEW_DUE_SOON.days + 1, ""),
    ],
)
def test_every_reader_of_the_review_rule_agrees(rf, reviewed_days_ago, due_in_days, state):
    today = timezone.localdate()
    due = today + timedelta(days=due_in_days) if due_in_days is not None else None
    condition = ConditionFactory(last_reviewed=today - timedelta(days=reviewed_days_ago), next_review_due=due)
    article = ArticleFactory(published=True, last_reviewed=condition.last_reviewed, next_review_due=due)

    assert condition.review_state == article.review_state == state
    for value, label in (("overdue", ReviewState.OVERDUE), ("soon", ReviewState.DUE_SOON)):
        listed = ReviewStateFilter(rf.get("/", {"review": value}), {"review": [value]}, Condition, None)
        assert listed.queryset(None, Condition.objects.all()).contains(condition) is (state == label), value
    assert Condition.objects.review_queue().contains(condition) is bool(state)
    overdue = state == ReviewState.OVERDUE
    assert workflow.is_review_overdue(article) is overdue
    assert Article.objects.filter(workflow.stage_q(workflow.OVERDUE.key)).contains(article) is overdue
    assert ("Review overdue" in workflow.status_badge(article)) is overdue


# The data migrations, on rows like the demo's


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _record(apps, model_name, obj, history_type="+", **fields):
    """Save a version of obj as simple-history did before these migrations (its signals are not run here)."""
    Historical = apps.get_model(obj._meta.app_label, f"Historical{model_name}")
    names = {field.attname for field in Historical._meta.concrete_fields}
    values = {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}
    values = {name: value for name, value in values.items() if name in names}
    return Historical.objects.create(
        **{**values, **fields}, history_date=timezone.now(), history_type=history_type
    )


def _demo_like_rows(apps):
    """Make the rows load_demo_content made before these migrations, from the content files, plus the odd
    cases a database that lived longer holds. Return what every article's reviewer and references were."""
    Person = apps.get_model("clinic", "Person")
    Source = apps.get_model("clinic", "Source")
    Author = apps.get_model("articles", "Author")
    Article = apps.get_model("articles", "Article")
    Reference = apps.get_model("articles", "Reference")
    library, demo = library_dir(), demo_dir()
    people = {
        entry.values["slug"]: entry.values
        for path in (library / "people.yaml", demo / "people.yaml")
        for entry in read_list(path)
    }
    authors = {}
    for entry in read_list(demo / "articles" / "_authors.yaml"):
        slug, who = entry.values["slug"], people[entry.values["slug"]]
        name = {"display_name": who["display_name"], "credentials": who.get("credentials") or ""}
        person = Person.objects.create(slug=slug, may_review=bool(who.get("may_review")), **name)
        authors[slug] = Author.objects.create(
            slug=slug, person=person, may_review=person.may_review, role=entry.values.get("role", ""), **name
        )
        _record(apps, "Author", authors[slug])
    bibliography = Bibliography(library / "bibliography.yaml")
    sources = {
        key: Source.objects.create(key=key, text=entry.values["text"], url=entry.values.get("url") or "")
        for key, entry in bibliography.entries.items()
    }
    for document in documents(demo / "articles"):
        meta = document.meta.values
        article = Article.objects.create(
            title=meta["title"],
            slug=document.slug,
            author=authors[meta["author"]],
            reviewer=authors.get(meta.get("reviewer")),
            body=document.body,
        )
        _record(apps, "Article", article)
        for order, key in enumerate(meta.get("references") or [], start=1):
            reference = Reference.objects.create(article=article, order=order, source=sources[key])
            _record(apps, "Reference", reference)

    # An author saved before every author had a person record; a person edited apart from their byline.
    Author.objects.filter(slug="maya-lindqvist").update(person=None)
    Person.objects.filter(slug="daniel-okafor").update(display_name="Dan Okafor", credentials="")
    # Old versions naming authors deleted since: one whose person is still there, one who had none.
    kept = Person.objects.create(slug="lee-park", display_name="Lee Park", credentials="MD", may_review=True)
    HistoricalAuthor = apps.get_model("articles", "HistoricalAuthor")
    HistoricalAuthor.objects.create(
        id=9001, slug="lee-park", display_name="Lee Park", credentials="MD", person_id=kept.pk,
        history_date=timezone.now(), history_type="-",
    )  # fmt: skip
    first = Article.objects.order_by("pk").first()
    _record(apps, "Article", first, "~", reviewer_id=9001)
    _record(apps, "Article", first, "~", reviewer_id=9002)
    # A reference deleted before: only its versions are left.
    gone = Reference.objects.create(article=first, order=99, source=sources[next(iter(sources))])
    _record(apps, "Reference", gone)
    _record(apps, "Reference", gone, "-")
    gone.delete()

    reviewers, references = {}, {}
    for article in Article.objects.select_related("reviewer"):
        by = article.reviewer
        reviewers[article.slug] = by and (by.display_name, by.credentials, by.slug)
        cited = article.references.select_related("source").order_by("order")
        references[article.slug] = [(reference.order, reference.source.key) for reference in cited]
    return reviewers, references


@pytest.mark.django_db(transaction=True)
def test_the_migrations_carry_every_reviewer_and_reference_of_a_demo_like_database():
    ContentType.objects.clear_cache()
    old = _migrate(BEFORE)
    try:
        reviewers, references = _demo_like_rows(old)
        versions = old.get_model("articles", "HistoricalReference").objects.count()
        first = old.get_model("articles", "Article").objects.order_by("pk").first()
        # One source listed twice in one article: refused, saying where and what to do, nothing changed.
        Reference = old.get_model("articles", "Reference")
        twice = Reference.objects.create(article=first, order=50, source=first.references.first().source)
        refused = rf"article '{first.slug}' lists source '.+' as \[1\] and \[\d+\]"
        with pytest.raises(RuntimeError, match=refused):
            _migrate(_latest())
        twice.delete()
        _migrate(_latest())
    finally:
        ContentType.objects.clear_cache()
        _migrate(_latest())  # whatever happened, the next test finds the database as it is now

    assert reviewers and sum(map(len, references.values())) >= 40  # the demo's: ten reviewed, ~50 references
    assert Author.objects.count() == 4 and not Author.objects.filter(person=None).exists()
    assert Person.objects.count() == 5  # the four authors' and the deleted author's, none made twice
    for slug, reviewer in reviewers.items():
        article = Article.objects.select_related("reviewer__author").get(slug=slug)
        if reviewer is None:
            assert article.reviewer is None, slug
            continue
        name, credentials, author_slug = reviewer
        assert (article.reviewer.display_name, article.reviewer.credentials) == (name, credentials), slug
        assert article.reviewer_profile.slug == author_slug, slug  # "Medically reviewed by" links there
        cited = article.citations.select_related("source")
        assert [(citation.order, citation.source.key) for citation in cited] == references[slug], slug
    # The author's name won where a person record said otherwise: it is what article pages showed.
    assert Person.objects.get(slug="daniel-okafor").name_with_credentials == "Daniel Okafor, PMHNP-BC"
    history = Article.history.filter(id=first.pk).order_by("history_id")
    assert [version.reviewer for version in history][-2:] == [Person.objects.get(slug="lee-park"), None]
    article_type = ContentType.objects.get_for_model(Article)
    assert Citation.history.filter(content_type=article_type).count() == versions
    live = set(Citation.objects.values_list("id", flat=True))
    orphans = set(Citation.history.values_list("id", flat=True)) - live
    assert len(orphans) == 1  # the deleted reference's versions, under an id of their own
    new = Citation.objects.create(item=Article.objects.get(pk=first.pk), source=SourceFactory())
    assert new.pk not in orphans
