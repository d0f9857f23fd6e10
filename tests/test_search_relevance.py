"""What patients type, and the page they mean: on the demo content, that page must come first (or among the
first three, where two pages answer the question equally). Runs on SQLite, and on PostgreSQL when
DATABASE_URL names one: both backends must put the same page first.

Brand names, abbreviations and everyday words rely on the seed synonym sets (content/search-synonyms.yaml).
"""

import pytest

from clinic.site.search import search
from domain.models import SynonymSet

pytestmark = pytest.mark.django_db

TRD = "Treatment-resistant depression"
MDD = "Major depressive disorder"
PTSD = "Post-traumatic stress disorder (PTSD)"
ESKETAMINE = "Esketamine nasal spray (Spravato)"
IV = "IV ketamine infusion"
IM = "Intramuscular ketamine"
ORAL = "Sublingual or oral ketamine"
SAFETY = "Ketamine safety and side effects: what to know"
SUICIDAL_THOUGHTS = "Ketamine and suicidal thoughts: what the research shows"

# (what a reader types, the page they mean, how near the top it must be)
RELEVANCE = [
    # Conditions by abbreviation, other name or spelling
    ("TRD", TRD, 1),
    ("treatment resistant depression", TRD, 1),
    ("refractory depression", TRD, 1),
    ("MDD", MDD, 1),
    ("clinical depression", MDD, 1),
    ("major depression", MDD, 1),
    ("PTSD", PTSD, 1),  # before "Complex PTSD"
    ("post traumatic stress", PTSD, 1),
    ("C-PTSD", "Complex PTSD", 1),
    ("OCD", "Obsessive-compulsive disorder (OCD)", 1),
    ("GAD", "Generalized anxiety disorder", 1),
    ("social phobia", "Social anxiety disorder", 1),
    ("postnatal depression", "Postpartum depression", 1),
    ("SUD", "Alcohol and substance use disorders", 1),
    ("bipolar", "Bipolar depression", 1),
    ("suicidal thoughts", "Suicidal ideation", 3),
    ("suicidal thoughts", SUICIDAL_THOUGHTS, 3),
    # Treatments by brand, generic name, route or everyday word
    ("Spravato", ESKETAMINE, 1),
    ("esketamine", ESKETAMINE, 1),
    ("nasal spray", ESKETAMINE, 1),
    ("IV", IV, 1),
    ("ketamine drip", IV, 1),
    ("ketamine infusions", IV, 3),
    ("ketamine infusions", "Ketamine infusions and oral ketamine: how they compare", 3),
    ("IM shot", IM, 1),
    ("ketamine injection", IM, 1),
    ("troches", ORAL, 1),
    ("lozenge", ORAL, 1),
    ("sublingual", ORAL, 1),
    ("Zurzuvae", "Postpartum depression", 1),
    # Questions the articles answer
    ("side effects", SAFETY, 1),
    ("benzos", SAFETY, 1),
    ("heart disease", SAFETY, 1),
    ("blood pressure", SAFETY, 1),
    ("is ketamine a psychedelic", "Is ketamine a psychedelic?", 1),
    ("does ketamine cure depression", "Does ketamine cure depression?", 1),
    ("how ketamine works", "How ketamine works in the brain", 1),
    ("IFS", "Internal Family Systems therapy alongside ketamine", 1),
    ("KAP", "Medical and therapy-based approaches to ketamine", 1),
]


def first_pages(query, count):
    return [result.title for result in search(query)[:count]]


def test_the_page_a_reader_means_comes_first(demo_content):
    # One test for the whole table (the demo loads once), naming every query that misses.
    misses = []
    for query, page, within in RELEVANCE:
        shown = first_pages(query, within)
        if page not in shown:
            where = "first" if within == 1 else f"among the first {within}"
            misses.append(f"“{query}” should show “{page}” {where}; it shows {shown}")
    assert not misses, "\n".join(misses)


def test_without_the_synonym_sets_everyday_words_find_nothing(demo_content):
    # The seed sets make the difference: no page uses these words.
    everyday = ["ketamine drip", "benzos", "postnatal depression"]
    assert all(first_pages(query, 1) for query in everyday)
    SynonymSet.objects.all().delete()
    assert {query: first_pages(query, 1) for query in everyday} == dict.fromkeys(everyday, [])
