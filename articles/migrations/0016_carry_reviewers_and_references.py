# The second of three steps (issue 20), data only: every author's name lives on their person record; every
# article (and every saved version of one) names its reviewer's person; every reference becomes a citation, as
# clinical items cite, with its number and its history. tests/test_people_and_citations.py runs it on rows like
# the demo's; 0017 then drops what this made redundant.

from django.db import migrations
from django.db.models import Count


def _free_slug(Person, slug):
    free, number = slug, 1
    while Person.objects.filter(slug=free).exists():
        number += 1
        free = f"{slug}-{number}"
    return free


def give_every_author_their_person(apps, schema_editor):
    """Every author gets a person record holding their name, credentials and review right."""
    Person = apps.get_model("clinic", "Person")
    Author = apps.get_model("articles", "Author")
    HistoricalAuthor = apps.get_model("articles", "HistoricalAuthor")
    for author in Author.objects.order_by("pk"):
        person = Person.objects.filter(pk=author.person_id).first()
        if person is None:
            # As Author.save did: the person at the same address who has no byline yet, else a new one.
            person = Person.objects.filter(slug=author.slug, author__isnull=True).first()
            person = person or Person(slug=_free_slug(Person, author.slug))
        # Where the two differed, the author's values win: article pages showed them, and Author.save
        # wrote them into the person on every save.
        person.display_name = author.display_name
        person.credentials = author.credentials
        person.may_review = author.may_review
        person.save()
        if author.person_id != person.pk:
            Author.objects.filter(pk=author.pk).update(person=person)
        HistoricalAuthor.objects.filter(id=author.pk, person=None).update(person=person)


def name_people_as_reviewers(apps, schema_editor):
    """Every article, and every saved version of one, names its reviewer's person."""
    Person = apps.get_model("clinic", "Person")
    Author = apps.get_model("articles", "Author")
    Article = apps.get_model("articles", "Article")
    HistoricalArticle = apps.get_model("articles", "HistoricalArticle")
    HistoricalAuthor = apps.get_model("articles", "HistoricalAuthor")
    person_of = dict(Author.objects.values_list("pk", "person_id"))
    for author_id, person_id in person_of.items():
        Article.objects.filter(reviewer_id=author_id).update(reviewer_person_id=person_id)
        HistoricalArticle.objects.filter(reviewer_id=author_id).update(reviewer_person_id=person_id)
    # Old versions may name an author deleted since: the person that author's own history last linked, if
    # that person is still there; otherwise the version keeps no reviewer rather than a wrong one.
    gone = set(HistoricalArticle.objects.exclude(reviewer_id=None).values_list("reviewer_id", flat=True))
    for author_id in gone - set(person_of):
        person_id = (
            HistoricalAuthor.objects.filter(id=author_id)
            .exclude(person=None)
            .order_by("-history_date", "-history_id")
            .values_list("person_id", flat=True)
            .first()
        )
        if person_id is not None and Person.objects.filter(pk=person_id).exists():
            HistoricalArticle.objects.filter(reviewer_id=author_id).update(reviewer_person_id=person_id)


def _refuse_a_source_cited_twice(Reference):
    twice = (
        Reference.objects.values("article_id", "source_id")
        .annotate(times=Count("pk"))
        .filter(times__gt=1)
        .order_by("article_id", "source_id")
    )
    lines = []
    for row in twice:
        listed = list(
            Reference.objects.filter(article_id=row["article_id"])
            .select_related("article", "source")
            .order_by("order", "pk")
        )
        numbers = [f"[{number}]" for number, ref in enumerate(listed, start=1) if ref.source_id == row["source_id"]]
        first = next(ref for ref in listed if ref.source_id == row["source_id"])
        lines.append(f"  article '{first.article.slug}' lists source '{first.source.key}' as {' and '.join(numbers)}")
    if lines:
        # Merging them would renumber the later references: the body's [n] would point at other papers.
        raise RuntimeError(
            "An article cites a source once, under one number. These list a source twice:\n"
            + "\n".join(lines)
            + "\nRemove the repeated reference on the article's admin page (and make the body cite the first "
            "number), then run migrate again."
        )


def _reserve_ids(schema_editor, model, count):
    """Return count ids the database will never give a new row of model (ids of history whose row is gone)."""
    if not count:
        return []
    connection = schema_editor.connection
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
            )
            return [row[0] for row in cursor.fetchall()]
        if connection.vendor == "sqlite":
            # AUTOINCREMENT tables number new rows above the highest id sqlite_sequence records.
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            ids = list(range((row[0] if row else 0) + 1, (row[0] if row else 0) + 1 + count))
            if row:
                cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [ids[-1], table])
            else:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, ids[-1]])
            return ids
    raise NotImplementedError(f"The project runs on PostgreSQL or SQLite, not {connection.vendor}.")


def cite_through_citations(apps, schema_editor):
    """Every reference becomes a citation of its article, in its order; its history comes along."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Reference = apps.get_model("articles", "Reference")
    HistoricalReference = apps.get_model("articles", "HistoricalReference")
    Citation = apps.get_model("clinic", "Citation")
    HistoricalCitation = apps.get_model("clinic", "HistoricalCitation")
    _refuse_a_source_cited_twice(Reference)
    article_type, _ = ContentType.objects.get_or_create(app_label="articles", model="article")

    references = list(Reference.objects.order_by("pk"))
    citations = Citation.objects.bulk_create(
        [
            Citation(
                content_type=article_type,
                object_id=reference.article_id,
                source_id=reference.source_id,
                order=reference.order,
            )
            for reference in references
        ],
        batch_size=1000,
    )
    citation_of = {reference.pk: citation.pk for reference, citation in zip(references, citations, strict=True)}

    # A version's id names the row it is a version of: a reference deleted before now gets an id of its own
    # that no citation will ever take.
    gone = sorted(set(HistoricalReference.objects.values_list("id", flat=True)) - set(citation_of))
    citation_of.update(zip(gone, _reserve_ids(schema_editor, Citation, len(gone)), strict=True))
    HistoricalCitation.objects.bulk_create(
        (
            HistoricalCitation(
                id=citation_of[version.id],
                content_type=article_type,
                object_id=version.article_id or 0,
                source_id=version.source_id,
                order=version.order,
                history_date=version.history_date,
                history_change_reason=version.history_change_reason,
                history_type=version.history_type,
                history_user_id=version.history_user_id,
            )
            for version in HistoricalReference.objects.order_by("history_id").iterator()
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0015_article_reviewer_person_field'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    # Backwards is for a database without authors or references (the migration test goes back to build the
    # old rows): undoing 0017 can't give existing authors back a name, so it stops there with data.
    operations = [
        migrations.RunPython(give_every_author_their_person, migrations.RunPython.noop),
        migrations.RunPython(name_people_as_reviewers, migrations.RunPython.noop),
        migrations.RunPython(cite_through_citations, migrations.RunPython.noop),
    ]
