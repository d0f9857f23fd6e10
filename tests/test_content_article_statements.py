"""Issue 18: what the articles tell readers agrees with the labels and says when a rule is the clinic's."""

import html
import io
import re

import pytest
from django.core.management import call_command

from articles.models import Article
from domain.crisis_text import fill
from domain.models import SiteProfile
from tests.factories import AdministrationRouteFactory

pytestmark = pytest.mark.django_db

# Since January 2025 the SPRAVATO label allows esketamine for treatment-resistant depression either way.
ON_ITS_OWN = "on its own or with an oral antidepressant"
HEADING = re.compile(r"<h[1-6]\b[^>]*>.*?</h[1-6]>", re.S)
BLOCK = re.compile(r"</?(?:p|li|h[1-6]|td|th|tr|ul|ol|table|thead|tbody)\b[^>]*>")


@pytest.fixture
def articles(demo_content):
    found = list(Article.objects.all())
    assert len(found) > 10  # the whole demo library, drafts and scheduled ones included
    return found


def _blocks(body):
    """Return the plain text of each paragraph, list item and table cell of an HTML body."""
    texts = (html.unescape(re.sub(r"<[^>]+>", "", part)) for part in BLOCK.split(body))
    return [" ".join(text.split()) for text in texts if text.strip()]


def _sentences(body):
    return [sentence for block in _blocks(body) for sentence in re.split(r"(?<=[.!?])\s+", block)]


def _article(articles, slug):
    return next(article for article in articles if article.slug == slug)


def test_esketamines_indications_say_when_an_oral_antidepressant_is_needed(articles):
    for article in articles:
        text = " ".join(_blocks(article.body))
        if re.search(r"esketamine|spravato", text, re.I) and "oral antidepressant" in text:
            # The reader must not take away that every esketamine treatment needs one (January 2025 label).
            assert ON_ITS_OWN in text, article.slug
        for sentence in _sentences(article.body):
            names_the_approval = re.search(r"esketamine|spravato", sentence, re.I) and "approved" in sentence
            if names_the_approval and "treatment-resistant depression" in sentence:
                assert ON_ITS_OWN in sentence, (article.slug, sentence)


def test_generated_articles_do_not_say_esketamine_always_needs_an_oral_antidepressant():
    call_command("generate_content", "--articles", "40", stdout=io.StringIO())

    sentences = [
        sentence
        for body in Article.objects.filter(slug__startswith="gen-").values_list("body", flat=True)
        for sentence in re.split(r"(?<=[.!?])\s+|</?(?:p|li)>", body)
        if "FDA-approved" in sentence and "esketamine" in sentence
    ]
    assert sentences  # the generator still speaks of esketamine's approval
    for sentence in sentences:
        assert ON_ITS_OWN in sentence, sentence


def test_every_article_that_says_call_the_clinic_says_what_to_do_outside_opening_hours(articles):
    advising = [
        (article.slug, block)
        for article in articles
        for block in _blocks(HEADING.sub("", article.body))  # a heading ("When to call us") gives no advice
        if re.search(r"\bcall (?:the clinic|us)\b", block, re.I)
    ]
    assert len(advising) >= 3
    for slug, block in advising:
        assert "Outside opening hours" in block and "urgent care" in block, (slug, block)
        assert "{crisis line}" in block and "{emergency number}" in block, (slug, block)


def test_route_page_says_where_to_turn_outside_the_clinics_opening_hours(client):
    route = AdministrationRouteFactory(
        emergency_signs="Chest pain or pressure", call_clinic_signs="Nausea that has not settled"
    )
    page = " ".join(client.get(route.get_absolute_url()).content.decode().split())

    assert "Outside opening hours, call your own doctor's out-of-hours service or go to urgent care." in page


def test_every_article_that_gives_an_alcohol_rule_gives_the_clinics_one_rule(articles):
    profile = SiteProfile.objects.get_current()
    rules = [
        (article.slug, block)
        for article in articles
        for block in _blocks(fill(article.body, profile))  # as readers see it: the rule is a fact held once
        if re.search(r"\b(?:avoid|drink|no) alcohol\b", block, re.I)
    ]
    assert len(rules) >= 3  # the safety, infusion and esketamine-visit articles
    for slug, block in rules:
        assert "24 hours before" in block and "rest of the day after" in block, (slug, block)
        assert "our clinic's rule" in block, (slug, block)  # clinic policy, not the label's


def test_safety_article_says_what_the_ketamine_label_asks_for_the_liver_and_theophylline(articles):
    blocks = _blocks(_article(articles, "ketamine-safety-and-side-effects").body)
    liver = " ".join(block for block in blocks if "liver" in block.lower())
    theophylline = next(block for block in blocks if "Theophylline" in block)

    assert "we may check" not in liver
    assert "before treatment starts and at intervals during it" in liver
    assert "advises against combining" not in theophylline
    assert "may make a seizure more likely" in theophylline and "consider" in theophylline


def test_safety_article_scopes_maois_to_esketamine_and_psychosis_to_clinic_policy(articles):
    blocks = _blocks(_article(articles, "ketamine-safety-and-side-effects").body)
    maois = next(block for block in blocks if block.startswith("MAOI"))
    psychosis = next(block for block in blocks if "psychotic" in block)

    assert "with esketamine" in maois and "the ketamine label" in maois
    assert "our clinic's policy" in psychosis and "only if the benefit outweighs the risk" in psychosis


def test_esketamine_pages_state_the_boxed_warning_and_what_the_rems_requires(articles):
    for slug in ("ketamine-safety-and-side-effects", "what-to-expect-at-a-spravato-visit"):
        text = " ".join(_blocks(_article(articles, slug).body))
        assert "24 and younger" in text, slug
        assert "pulse oximeter" in text and "prescriber" in text and "enrolled" in text, slug


def test_suicidal_thoughts_article_claims_nothing_the_label_does_not_support(articles):
    text = " ".join(_blocks(_article(articles, "ketamine-and-suicidal-thoughts").body))

    assert "real advance" not in text
    assert "has not been shown to prevent suicide or to reduce suicidal thoughts" in text
    assert "24 and younger" in text


def test_oral_ketamine_is_called_unapproved_and_outside_the_rems_with_the_published_dose_range(articles):
    article = _article(articles, "iv-and-oral-ketamine-compared")
    text = " ".join(_blocks(article.body))

    assert "not covered by the safety program (REMS)" in text
    assert "from 0.25 to 7 mg per kilogram" in text
    assert "Every form of generic ketamine is off-label" not in article.key_takeaways
