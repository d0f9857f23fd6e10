"""A reviewed correction of a seed synonym set reaches sites that still hold the set as shipped."""

import importlib

import pytest
from django.apps import apps

from clinic.site.search import search
from domain.models import SynonymSet
from tests.factories import ArticleFactory

review = importlib.import_module("domain.migrations.0014_reviewed_synonym_seeds")

pytestmark = pytest.mark.django_db


def test_a_shipped_set_is_narrowed_and_a_set_staff_edited_is_left_alone():
    SynonymSet.objects.all().delete()
    (iv_shipped, iv_reviewed, _), (im_shipped, _, _) = review.REVIEWED
    shipped = SynonymSet.objects.create(terms="\n".join(iv_shipped), note="as shipped")
    edited = SynonymSet.objects.create(terms="\n".join([*im_shipped, "jab"]), note="staff's own")

    review.apply_review(apps, None)

    shipped.refresh_from_db()
    edited.refresh_from_db()
    assert shipped.terms.splitlines() == iv_reviewed and "infusion" not in shipped.terms.splitlines()
    assert "brexanolone" in shipped.note
    assert edited.terms.endswith("ketamine injection\njab") and edited.note == "staff's own"


def test_infusion_alone_no_longer_stands_for_iv_ketamine():
    ArticleFactory(published=True, title="Brexanolone infusion after birth", body="<p>An infusion.</p>")
    ArticleFactory(published=True, title="Your IV ketamine session", body="<p>What happens.</p>")

    titles = [result.title for result in search("infusion")]

    assert titles == ["Brexanolone infusion after birth"]
    assert "Your IV ketamine session" in [result.title for result in search("IV drip")]
