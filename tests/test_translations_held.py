"""Each process holds the public translations it has read (domain/translations.py): a reader never sees one
that changed since, whichever process or server changed it."""

from datetime import date

import pytest

from conditions.models import ConditionTranslation
from infrastructure import cache
from tests.factories import ConditionFactory, PersonFactory

pytestmark = pytest.mark.django_db

REVIEWED = date(2026, 12, 1)


@pytest.fixture
def spanish_condition(site_profile):
    condition = ConditionFactory(slug="trd", name="Treatment-resistant depression")
    return ConditionTranslation.objects.create(
        original=condition, name="Depresión resistente al tratamiento", summary="Un resumen revisado.",
        description="<p>Texto.</p>", translator=PersonFactory(display_name="Lucía Herrera", may_review=False),
        reviewer=PersonFactory(display_name="Elena Márquez"), last_reviewed=REVIEWED,
    )  # fmt: skip


def test_a_reviewers_new_name_shows_on_the_next_spanish_page(client, spanish_condition):
    assert "Elena Márquez" in client.get("/es/conditions/trd/").text

    reviewer = spanish_condition.reviewer
    reviewer.display_name = "Elena Márquez Ruiz"
    reviewer.save()

    assert "Elena Márquez Ruiz" in client.get("/es/conditions/trd/").text


def test_a_translation_changed_by_another_server_shows_once_that_server_says_so(client, spanish_condition):
    assert "Un resumen revisado." in client.get("/es/conditions/trd/").text

    # Another server's save: the row changes in the shared database, and its signal moves the shared
    # generation; nothing of it runs in this process.
    ConditionTranslation.objects.filter(pk=spanish_condition.pk).update(withdrawn=True)
    cache.invalidate(ConditionTranslation._meta.label_lower)

    assert client.get("/es/conditions/trd/").status_code == 302  # off the site: to the English page


def test_an_english_edit_marks_a_held_translation_behind_on_the_next_page(client, spanish_condition):
    assert "cambió" not in client.get("/es/conditions/").text
    assert "cambió" not in client.get("/es/conditions/trd/").text

    condition = spanish_condition.original
    condition.summary = "A corrected summary."
    condition.save()  # marks its translations behind with update(): no signal of theirs

    assert "La página en inglés cambió" in client.get("/es/conditions/trd/").text


def test_a_page_reads_each_generation_once_and_sees_its_own_writes():
    label = ConditionTranslation._meta.label_lower
    with cache.one_page():
        first = cache.page_generations([label])
        assert cache.page_generations([label]) == first

        cache.invalidate(label)  # this request wrote one

        assert cache.page_generations([label]) != first
    assert cache.page_generations([label]) == cache.generations([label])
