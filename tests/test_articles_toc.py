from articles.toc import PAGE_IDS, table_of_contents
from domain.richtext import clean_html
from tests.factories import ArticleFactory


def _outline(toc):
    return [
        (entry.id, entry.text, [(child.id, child.text) for child in entry.children]) for entry in toc.entries
    ]


def test_headings_get_slug_ids_and_h3s_nest_under_their_h2():
    toc = table_of_contents(
        clean_html(
            "<h2>Before you start</h2><p>a</p><h3>What to eat</h3><h3>Rides home</h3><h2>On the day</h2>"
        )
    )
    assert _outline(toc) == [
        (
            "before-you-start",
            "Before you start",
            [("what-to-eat", "What to eat"), ("rides-home", "Rides home")],
        ),
        ("on-the-day", "On the day", []),
    ]
    assert '<h2 id="before-you-start">Before you start</h2>' in toc.body
    assert '<h3 id="what-to-eat">What to eat</h3>' in toc.body
    assert toc.section_count == 2 and not toc.is_shown


def test_duplicate_headings_get_unique_ids():
    toc = table_of_contents(clean_html("<h2>Side effects</h2><h2>Side effects</h2><h3>Side effects</h3>"))
    ids = [entry.id for entry in toc.entries] + [child.id for child in toc.entries[-1].children]
    assert ids == ["side-effects", "side-effects-2", "side-effects-3"]
    assert toc.is_shown is False and toc.section_count == 2


def test_headings_with_entities_and_inline_tags_keep_their_markup_and_read_as_text():
    body = clean_html(
        "<h2>Risks &amp; <em>benefits</em></h2><h2>Dose &lt;0.5&nbsp;mg/kg</h2><h2>Q&amp;A</h2>"
    )
    toc = table_of_contents(body)
    assert [(entry.id, entry.text) for entry in toc.entries] == [
        ("risks-benefits", "Risks & benefits"),
        ("dose-05-mgkg", "Dose <0.5\xa0mg/kg"),
        ("qa", "Q&A"),
    ]
    assert '<h2 id="risks-benefits">Risks &amp; <em>benefits</em></h2>' in toc.body
    assert toc.is_shown  # three h2 sections


def test_ids_never_collide_with_the_pages_own_ids_or_reference_anchors():
    toc = table_of_contents(clean_html("<h2>Main</h2><h2>References heading</h2><h2>Ref 1</h2><h2>???</h2>"))
    ids = [entry.id for entry in toc.entries]
    assert ids == ["main-2", "references-heading-2", "ref-1-2", "section"]
    assert not set(ids) & PAGE_IDS


def test_non_latin_headings_keep_their_letters():
    toc = table_of_contents(clean_html("<h2>Кетамин и депрессия</h2>"))
    assert toc.entries[0].id == "кетамин-и-депрессия"


def test_body_without_headings_is_unchanged_and_has_no_contents():
    body = clean_html("<p>Just a paragraph with <strong>bold</strong> text.</p><h4>Small heading</h4>")
    toc = table_of_contents(body)
    assert toc.body == body and toc.entries == [] and not toc.is_shown


def test_empty_headings_are_skipped_and_only_ids_are_added():
    body = clean_html(
        '<h2></h2><h2>Real</h2><p onclick="x()">Text <a href="https://example.org">link</a></p>'
    )
    toc = table_of_contents(body)
    assert [entry.id for entry in toc.entries] == ["real"]
    assert toc.body == body.replace("<h2>Real</h2>", '<h2 id="real">Real</h2>')


def test_the_stored_body_is_never_changed(client, db):
    article = ArticleFactory(published=True, body="<h2>One</h2><h2>Two</h2><h2>Three</h2>")
    stored = article.body

    page = client.get(article.get_absolute_url())

    assert page.status_code == 200
    assert '<h2 id="one">One</h2>' in page.content.decode()  # the ids are the page's, for its contents
    article.refresh_from_db()
    assert article.body == stored and "id=" not in article.body
