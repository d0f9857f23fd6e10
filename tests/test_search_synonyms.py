"""Search synonyms: sets of words that mean the same to a reader, kept by staff in the admin, seeded for every
site, and used by search on both backends (PostgreSQL and the SQLite fallback)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clinic.site.synonyms import AnyOf, SynonymIndex, Text, as_websearch, expand
from domain.content import ContentError
from domain.models import SynonymSet
from domain.search_terms import MAX_TERM_CHARS, add_seed_sets, parse_terms, read_seed_sets
from tests.factories import ArticleFactory, ConditionFactory, member_of

pytestmark = pytest.mark.django_db

# Made-up names, so that no seed set (content/search-synonyms.yaml) has them.
CALMORA = "Calmora\nzentrix nasal mist"


def titles(query):
    from clinic.site.search import search

    return [result.title for result in search(query)]


def index_of(*sets):
    return SynonymIndex.build(parse_terms("\n".join(terms)) for terms in sets)


# Searching


def test_a_term_finds_pages_that_use_any_other_term_of_its_set():
    SynonymSet.objects.create(terms=CALMORA)
    brand = ArticleFactory(published=True, title="Dosing", body="<p>Calmora is given twice a week.</p>")
    generic = ArticleFactory(
        published=True, title="At the clinic", body="<p>One zentrix nasal mist dose.</p>"
    )
    assert set(titles("calmora")) == set(titles("zentrix nasal mist")) == {brand.title, generic.title}


def test_a_phrase_in_a_set_matches_only_its_words_side_by_side():
    SynonymSet.objects.create(terms=CALMORA)
    ArticleFactory(published=True, title="Scattered", body="<p>A mist rose over the nasal zentrix.</p>")
    assert titles("calmora") == []


def test_plurals_capitals_and_hyphens_name_the_same_term():
    SynonymSet.objects.create(terms="Calmora\npost-zentrix syndrome")
    unhyphenated = ArticleFactory(published=True, title="After it", body="<p>Post zentrix syndromes.</p>")
    hyphenated = ConditionFactory(name="Late effects", summary="Post-zentrix syndrome in adults.")
    assert set(titles("CALMORAS")) == {unhyphenated.title, hyphenated.name}
    assert set(titles("post zentrix syndrome")) == {unhyphenated.title, hyphenated.name}


def test_the_other_words_of_the_query_must_still_match():
    SynonymSet.objects.create(terms=CALMORA)
    wanted = ArticleFactory(published=True, title="Cost", body="<p>What zentrix nasal mist costs.</p>")
    ArticleFactory(published=True, title="Dosing", body="<p>Zentrix nasal mist, twice a week.</p>")
    assert titles("calmora cost") == [wanted.title]


def test_a_change_to_the_sets_shows_in_the_next_search(client):
    page = ArticleFactory(published=True, title="Mist", body="<p>Zentrix nasal mist, twice a week.</p>")
    assert "0 results" in client.get(reverse("search"), {"q": "calmora"}).content.decode()
    synonyms = SynonymSet.objects.create(terms=CALMORA)
    assert page.title in client.get(reverse("search"), {"q": "calmora"}).content.decode()
    synonyms.delete()
    assert "0 results" in client.get(reverse("search"), {"q": "calmora"}).content.decode()


def test_the_search_page_shows_the_query_as_typed_not_as_expanded(client):
    SynonymSet.objects.create(terms=CALMORA)
    html = client.get(reverse("search"), {"q": "Calmora"}).content.decode()
    assert "results for “Calmora”" in html
    assert "zentrix" not in html


# Expanding a query


def test_the_longest_term_wins_and_the_rest_is_searched_as_typed():
    index = index_of(["Spravato", "esketamine nasal spray"], ["nasal spray", "intranasal"])
    assert expand("esketamine nasal spray cost", index) == [
        AnyOf("esketamine nasal spray", ("spravato", "esketamine nasal spray")),
        Text(" cost"),
    ]
    assert expand("cost of a nasal spray", index) == [
        Text("cost of a "),
        AnyOf("nasal spray", ("nasal spray", "intranasal")),
    ]


def test_quotes_a_minus_and_or_keep_their_meaning():
    index = index_of(["TRD", "treatment-resistant depression"], ["PTSD", "post-traumatic stress disorder"])
    assert expand('"TRD" trials', index) == [Text('"TRD" trials')]  # the exact word, as quoted
    assert expand("depression -TRD", index) == [Text("depression -TRD")]  # without it
    parts = expand("TRD or PTSD", index)
    assert as_websearch(parts) == (
        '"trd" or "treatment resistant depression" or "ptsd" or "post traumatic stress disorder"'
    )


def test_a_query_without_a_term_of_any_set_is_searched_as_typed():
    index = index_of(["TRD", "treatment-resistant depression"])
    assert expand("sleep after a session", index) == [Text("sleep after a session")]
    assert as_websearch(expand("sleep after a session", index)) == "sleep after a session"


# The sets staff keep


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("", "at least two terms"),
        ("Calmora", "at least two terms"),
        ("Calmora,, zentrix", "Term 2 is empty"),
        ("Calmora, zentrix,", "Term 3 is empty"),
        (f"Calmora\n{'z' * (MAX_TERM_CHARS + 1)}", f"a term has at most {MAX_TERM_CHARS}"),
        ("Calmora\n---", "no letters or digits"),
        ("Calmora\nthe", "only words search ignores"),
        ("Calmora\nCalmoras", "is the same to search as “Calmora”"),
        ("Calmora\none two three four five six seven", "a term has at most 6"),
    ],
)
def test_bad_terms_are_refused_with_a_reason(typed, error):
    with pytest.raises(ValidationError) as raised:
        SynonymSet(terms=typed).full_clean()
    assert error in " ".join(raised.value.message_dict["terms"])


def test_a_term_belongs_to_one_set():
    first = SynonymSet.objects.create(terms=CALMORA)
    with pytest.raises(ValidationError) as raised:
        SynonymSet(terms="zentrix nasal mists\nZNM").full_clean()
    assert "“zentrix nasal mists” is already in the set “Calmora, zentrix nasal mist”" in str(raised.value)
    first.terms += "\nZNM"
    first.full_clean()  # a set may keep its own terms


def test_staff_add_a_set_in_the_admin_and_bad_input_keeps_what_they_typed(client):
    client.force_login(member_of("Clinic staff", username="kim"))
    typed = "Calmora\nTRD"  # TRD is a seed set's
    response = client.post(reverse("admin:clinic_synonymset_add"), {"terms": typed, "note": "Brand"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“TRD” is already in the set" in html
    assert "Calmora\nTRD</textarea>" in html and 'value="Brand"' in html
    response = client.post(
        reverse("admin:clinic_synonymset_add"), {"terms": CALMORA, "note": "Brand and generic name"}
    )
    assert response.status_code == 302
    assert SynonymSet.objects.filter(terms=CALMORA, note="Brand and generic name").exists()


# The seed sets


def test_every_site_starts_with_the_seed_sets():
    seeds = read_seed_sets()
    assert len(seeds) >= 20
    kept = set(SynonymSet.objects.values_list("terms", flat=True))
    assert {seed["terms"] for seed in seeds} <= kept
    for synonyms in SynonymSet.objects.all():
        synonyms.full_clean()  # each passes the admin's checks


def test_seeding_again_adds_only_sets_the_site_has_none_of_the_terms_of():
    SynonymSet.objects.all().delete()
    staff_set = SynonymSet.objects.create(terms="TRD\ntreatment-resistant depression\ndifficult depression")
    seeds = read_seed_sets()
    added = add_seed_sets(SynonymSet, seeds)
    assert added == len(seeds) - 1  # not the TRD set: staff have their own
    staff_set.refresh_from_db()
    assert staff_set.terms.endswith("difficult depression")
    assert add_seed_sets(SynonymSet, seeds) == 0


def test_a_bad_seed_file_names_the_line(tmp_path):
    path = tmp_path / "search-synonyms.yaml"
    path.write_text("- terms: [TRD, treatment-resistant depression]\n- terms: [IV, trd]\n")
    with pytest.raises(ContentError, match=r"search-synonyms.yaml:2: .*“trd” is also in the set of “TRD”"):
        read_seed_sets(path)
