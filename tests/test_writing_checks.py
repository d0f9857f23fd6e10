"""Writing for patients, links and citations, images (issue 13, points 6, 8 and 9)."""

import io
import os

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.images import LARGEST_WIDTH, MAX_UPLOAD_BYTES, clean_image
from articles.links import broken_links
from domain.content import library_dir
from domain.identifiers import normalize_doi, validate_doi, validate_pmid
from domain.models import Citation, Source
from domain.readability import TARGET_GRADE, reading_of, sentences
from domain.richtext import images_without_alt
from tests.factories import ArticleFactory, AuthorFactory, ConditionFactory, member_of
from tests.helpers import change_url, form_data

pytestmark = pytest.mark.django_db

PLAIN = "<p>Rest after your visit. Drink water. Ask us if you feel unwell.</p>"
DENSE = (
    "<p>Intravenous ketamine administration necessitates continuous cardiovascular monitoring, "
    "particularly regarding hypertensive responses, dissociative phenomena and psychotomimetic "
    "experiences, throughout the infusion and subsequent observation period.</p><p>Rest afterwards.</p>"
)


# Reading grade


def test_reading_grade_and_longest_sentences():
    plain, dense = reading_of(PLAIN), reading_of(DENSE)
    assert plain.grade <= TARGET_GRADE and not plain.above_target
    assert dense.grade > 14 and dense.above_target
    assert dense.longest[0][1].startswith("Intravenous ketamine") and dense.longest[0][0] == 23
    assert len(reading_of("<p>One. Two. Three. Four. Five.</p>").longest) == 3
    assert reading_of("") is None


def test_sentences_do_not_split_after_abbreviations_or_merge_headings():
    assert sentences("Use e.g. water. Then rest.") == ["Use e.g. water.", "Then rest."]
    assert reading_of("<h2>After the visit</h2><p>Rest.</p>").sentences == 2


def test_the_author_sees_the_grade_and_the_preview_as_they_save(client):
    editor = member_of("Editors", username="ed")
    article = ArticleFactory(body=DENSE, title="T" * 70, seo_description="")
    client.force_login(editor)

    response = client.post(
        change_url(article), form_data(client.get(change_url(article)), _continue="1"), follow=True
    )

    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Reading grade") and "above the target of grade 8" in m for m in messages)
    html = response.content.decode()
    assert "Flesch–Kincaid grade" in html and "23 words:" in html
    assert "Title: 70 of 60 characters: search engines will cut it" in html
    assert "Description:" in html and "/articles/" in html


def test_clinical_text_is_graded_too(client):
    condition = ConditionFactory(description=DENSE)
    client.force_login(member_of("Clinic staff", username="desk"))
    html = client.get(reverse("admin:conditions_condition_change", args=[condition.pk])).content.decode()
    assert "Flesch–Kincaid grade" in html and "above grade 8" in html


# Links and citations


def test_internal_links_to_nowhere_are_named():
    ArticleFactory(published=True, slug="real")
    ConditionFactory(slug="hidden", is_listed=False)
    ArticleFactory(slug="unpublished")
    body = (
        '<p><a href="/articles/real/">fine</a> <a href="/articles/missing/">a <b>lost</b> link</a> '
        '<a href="/conditions/hidden/">hidden</a> '
        '<a href="https://clinic.example/articles/unpublished/">draft</a> '
        '<a href="https://other.example/nothing/">elsewhere</a> <a href="/safety/">safety</a> '
        '<a href="/no/such/page/">nowhere</a> <a href="mailto:a@b.c">mail</a></p>'
    )
    assert broken_links(body, hosts={"clinic.example"}) == [
        ("a lost link", "/articles/missing/"),
        ("hidden", "/conditions/hidden/"),
        ("draft", "https://clinic.example/articles/unpublished/"),
        ("nowhere", "/no/such/page/"),
    ]


def test_saving_a_body_with_a_broken_link_warns_and_still_saves(client):
    editor = member_of("Editors", username="ed")
    article = ArticleFactory()
    client.force_login(editor)
    data = form_data(
        client.get(change_url(article)), body='<p>See <a href="/articles/nope/">our guide</a>.</p>'
    )

    response = client.post(change_url(article), data, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert any("The link “our guide” goes to /articles/nope/" in m for m in messages)
    article.refresh_from_db()
    assert "/articles/nope/" in article.body


def test_a_link_to_an_old_address_that_redirects_is_fine():
    article = ArticleFactory(published=True, slug="before")
    article.slug = "after"
    article.save()
    assert broken_links('<a href="/articles/before/">x</a>') == []


@pytest.mark.parametrize("doi", ["10.1001/jamapsychiatry.2018.3739", "10.1016/S0006-3223(99)00230-9"])
def test_valid_dois_pass(doi):
    source = Source(key="a-paper-2019", text="A paper.", doi=doi)
    source.full_clean()  # raises for a malformed DOI (the test below)
    assert source.link == f"https://doi.org/{doi}"  # where a reader's click on the citation goes


@pytest.mark.parametrize("doi", ["jamapsychiatry.2018.3739", "10.10/x", "10.1001 /x", "https://x.org/10.1/a"])
def test_malformed_dois_are_refused(doi):
    with pytest.raises(ValidationError, match="is not a DOI"):
        validate_doi(doi)


def test_doi_prefixes_are_removed_and_pmids_checked():
    assert normalize_doi(" https://doi.org/10.1001/x.1 ") == "10.1001/x.1"
    assert normalize_doi("doi: 10.1001/x.1") == "10.1001/x.1"
    validate_pmid("30638011")
    for bad in ("PMID30638011", "0123", "3063801199", "12a"):
        with pytest.raises(ValidationError, match="not a PubMed ID"):
            validate_pmid(bad)


def test_every_bibliography_identifier_is_well_formed():
    bibliography = yaml.safe_load((library_dir() / "bibliography.yaml").read_text(encoding="utf-8"))
    assert bibliography
    for record in bibliography.values():
        validate_doi(str(record.get("doi", "")))
        validate_pmid(str(record.get("pmid", "")))


def test_the_admin_refuses_a_malformed_doi_or_pmid_and_accepts_a_doi_link(client):
    # References cite shared source records: the source's admin form is where an identifier is typed.
    editor = member_of("Editors", username="ed")
    client.force_login(editor)
    add_url = reverse("admin:clinic_source_add")
    data = form_data(client.get(add_url))
    data.update({"key": "trial-2018", "text": "A trial.", "doi": "jama.2018", "pmid": "x1"})

    response = client.post(add_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "is not a DOI" in html and "is not a PubMed ID" in html

    data.update({"doi": "https://doi.org/10.1001/jama.2018.1", "pmid": "30638011"})
    assert client.post(add_url, data).status_code == 302
    source = Source.objects.get(key="trial-2018")
    assert source.doi == "10.1001/jama.2018.1" and source.pmid == "30638011"


# Images


def test_body_images_need_alt_text_named_in_the_refusal(client):
    editor = member_of("Editors", username="ed")
    article = ArticleFactory()
    client.force_login(editor)
    body = ('<figure class="image"><img src="/media/uploads/2026/11/room-1a2b.png"></figure>'
            '<p><img src="/media/uploads/ok.png" alt="A calm room"></p>')  # fmt: skip

    response = client.post(change_url(article), form_data(client.get(change_url(article)), body=body))

    assert response.status_code == 200
    error = response.context["adminform"].form.errors["body"][0]
    assert "“room-1a2b.png” has no description (alt text)" in error
    assert "room-1a2b" not in type(article).objects.get(pk=article.pk).body


def test_images_without_alt_finds_empty_and_missing_alt():
    html = '<img src="/a/one.png" alt=""><img alt="  " src=\'/b/two.jpg\'><img src=/c/three.gif alt="Fine">'
    assert images_without_alt(html) == ["“one.png”", "“two.jpg”"]


def test_condition_descriptions_need_alt_text_too(client):
    condition = ConditionFactory()
    client.force_login(member_of("Clinic staff", username="desk"))
    url = reverse("admin:conditions_condition_change", args=[condition.pk])
    data = form_data(client.get(url), description='<p><img src="/media/x/chart.png"></p>')
    response = client.post(url, data)
    assert response.status_code == 200 and "“chart.png” has no description" in response.content.decode()


def _photo(width, height, quality=95):
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "JPEG", quality=quality)
    return out.getvalue()


def test_a_large_phone_photo_is_scaled_down_not_refused():
    data = _photo(3000, 2250)
    assert (
        len(data) > 5 * 1024 * 1024 and len(data) < MAX_UPLOAD_BYTES
    )  # over the old limit, under the new one
    cleaned = clean_image(SimpleUploadedFile("phone.jpg", data))
    with Image.open(cleaned) as image:
        assert image.size == (LARGEST_WIDTH, 900)


def test_a_small_image_keeps_its_size():
    cleaned = clean_image(SimpleUploadedFile("small.jpg", _photo(320, 180)))
    with Image.open(cleaned) as image:
        assert image.size == (320, 180)


def test_featured_image_errors_are_plain_and_ask_for_the_file_again(client):
    editor = member_of("Editors", username="ed")
    article = ArticleFactory()
    client.force_login(editor)
    data = form_data(client.get(change_url(article)))

    broken = client.post(change_url(article), {**data, "featured_image": SimpleUploadedFile("x.jpg", b"not")})
    error = broken.context["adminform"].form.errors["featured_image"][0]
    assert "isn't an image we can read" in error and "choose it again" in error
    assert "Upload a valid image" not in error

    good = SimpleUploadedFile("room.jpg", _photo(40, 30))
    other_problem = client.post(change_url(article), {**data, "title": "", "featured_image": good,
                                                     "featured_image_alt": "A room"})  # fmt: skip
    error = other_problem.context["adminform"].form.errors["featured_image"][0]
    assert "“room.jpg” was not stored" in error and "choose it again" in error


def test_every_upload_refusal_says_to_choose_the_file_again(client):
    writer = member_of("Authors", username="writer")
    AuthorFactory(user=writer)
    client.force_login(writer)
    url = reverse("admin:articles_article_upload_image")
    for upload in (SimpleUploadedFile("a.txt", b"hello"), SimpleUploadedFile("b.bmp", _bmp())):
        message = client.post(url, {"upload": upload}).json()["error"]["message"]
        assert "choose it again" in message, message


def _bmp():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "BMP")
    return out.getvalue()


def test_the_grade_warning_names_the_item_it_is_about(client):
    client.force_login(member_of("Editors", username="ed"))
    article = ArticleFactory(body=DENSE, title="Dense prose about infusions", seo_description="")

    response = client.post(
        change_url(article), form_data(client.get(change_url(article)), _continue="1"), follow=True
    )

    messages = [str(m) for m in response.context["messages"]]
    assert any("“Dense prose about infusions” is above the target of grade 8" in m for m in messages)


def test_a_description_made_from_the_body_asks_for_one_rather_than_blaming_the_author(client):
    client.force_login(member_of("Editors", username="ed"))
    long_body = "<p>" + "Plan a quiet evening at home after each session with someone. " * 5 + "</p>"
    article = ArticleFactory(body=long_body, seo_description="", excerpt="")

    html = client.get(change_url(article)).content.decode()

    assert "made by the site from its first words: search engines will cut it; write an SEO" in html
    assert "write a shorter SEO description" not in html
    article.excerpt = "An excerpt the author wrote, longer than a search engine shows. " * 3
    article.save()
    assert "made by the site from excerpt: search" in client.get(change_url(article)).content.decode()


def test_an_author_may_correct_a_source_they_just_added_until_others_rely_on_it(client, author_user):
    client.force_login(author_user)
    add_url = reverse("admin:clinic_source_add")
    data = form_data(client.get(add_url))
    data.update({"key": "sleep-2024", "text": "Smith J. Sleep after ketamin. 2024."})
    assert client.post(add_url, data).status_code == 302
    source = Source.objects.get(key="sleep-2024")
    url = reverse("admin:clinic_source_change", args=[source.pk])

    data["text"] = "Smith J. Sleep after ketamine. 2024."  # the typo they noticed
    assert client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert source.text == "Smith J. Sleep after ketamine. 2024."

    Citation.objects.create(item=ArticleFactory(published=True), source=source, order=1)
    data["text"] = "Changed after it was published."
    assert client.post(url, data).status_code == 403
    source.refresh_from_db()
    assert source.text == "Smith J. Sleep after ketamine. 2024."
