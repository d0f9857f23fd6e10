"""What readers and search engines see on article pages, lists, archives and author pages (issue 5)."""

import io
import json
import re
from collections import Counter
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    ConditionFactory,
    ReferenceFactory,
    TagFactory,
    UserFactory,
)
from tests.helpers import ARTICLE_PAGE_QUERIES

pytestmark = pytest.mark.django_db

AUTHOR_PAGE_QUERIES = 3  # the author, count, their articles with category (photo renditions cached)

LONG_BODY = (
    "<h2>Before you start</h2><p>Eat lightly.</p><h3>Rides home</h3><p>Bring a driver.</p>"
    "<h2>On the day</h2><p>Plan for two hours.</p><h2>Afterwards</h2><p>Rest.</p>"
)


class Page(HTMLParser):
    """The parts of an HTML page the tests look at: ids, headings, landmarks, images, links, JSON-LD."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.ids, self.headings, self.navs, self.images, self.links, self.json_ld = [], [], [], [], [], []
        self.title = self.description = ""
        self._open = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "nav":
            self.navs.append(attrs.get("aria-label") or attrs.get("aria-labelledby"))
        if tag == "img":
            self.images.append(attrs)
        if tag == "a":
            self.links.append(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs["content"]
        if tag in ("title", "script"):
            self._open = (tag, attrs.get("type"), [])

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            text = "".join(self._open[2])
            if tag == "title":
                self.title = text
            elif self._open[1] == "application/ld+json":
                self.json_ld.append(json.loads(text))
            self._open = None

    def graph(self, node_type):
        return [node for data in self.json_ld for node in data["@graph"] if node.get("@type") == node_type]


def _jpeg(size=(1600, 900), name="photo.jpg"):
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format="JPEG")
    return ContentFile(out.getvalue(), name=name)


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, Page(response.content.decode())


def _published(**kwargs):
    return ArticleFactory(published=True, **kwargs)


def _hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


# Meta, breadcrumbs, structured data


def test_article_page_describes_itself_for_search_engines_and_sharing(client):
    category = CategoryFactory(name="Treatment basics")
    article = _published(
        title="What an infusion day is like",
        seo_title="Your first ketamine infusion",
        excerpt="From check-in to the ride home.",
        category=category,
        featured_image=_jpeg(),
        featured_image_alt="A sunlit treatment room",
    )
    response, page = _get(client, article.get_absolute_url())
    html = response.content.decode()

    assert page.title.startswith("Your first ketamine infusion · Articles · ")
    assert page.description == "From check-in to the ride home."
    assert '<meta property="og:type" content="article">' in html
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert og_image.startswith("http://testserver/media/cache/") and og_image.endswith(".jpg")
    assert '<meta property="og:image:alt" content="A sunlit treatment room">' in html

    assert page.navs[:2] == ["Main", "Breadcrumb"]
    crumbs = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r">([^<>]+)</a>", crumbs) == ["Home", "Articles", "Treatment basics", article.title]

    (web_page,) = page.graph("MedicalWebPage")
    (posting,) = page.graph("BlogPosting")
    (breadcrumbs,) = page.graph("BreadcrumbList")
    assert web_page["mainEntity"] == {"@id": posting["@id"]}
    assert posting["headline"] == article.title and posting["image"] == og_image
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Home", "Articles", "Treatment basics", article.title,
    ]  # fmt: skip
    assert breadcrumbs["@id"] == web_page["breadcrumb"]["@id"]


def test_article_without_image_shares_the_site_default_and_no_alt(client):
    article = _published(seo_description="A short description for search results.")
    response, page = _get(client, article.get_absolute_url())
    assert page.description == "A short description for search results."
    assert "og-default.png" in response.content.decode()
    assert "og:image:alt" not in response.content.decode()
    assert "image" not in page.graph("BlogPosting")[0]


def test_every_public_article_page_has_a_unique_title_and_description(client):
    category = CategoryFactory(name="Safety")
    tag = TagFactory(name="Spravato")
    author = AuthorFactory(display_name="Rosa Diaz", credentials="PMHNP-BC", bio="Rosa writes about care.")
    for number in range(11):
        _published(title=f"Piece {number}", category=category, tags=[tag], author=author)
    article = Article.objects.get(title="Piece 0")
    urls = [
        reverse("articles:list"),
        reverse("articles:list") + "?page=2",
        category.get_absolute_url(),
        category.get_absolute_url() + "?page=2",
        tag.get_absolute_url(),
        author.get_absolute_url(),
        article.get_absolute_url(),
    ]
    pages = [_get(client, url)[1] for url in urls]

    titles = [page.title for page in pages]
    descriptions = [page.description for page in pages]
    assert len(set(titles)) == len(urls), titles
    assert len(set(descriptions)) == len(urls), descriptions
    assert all(descriptions) and all(titles)
    assert "(page 2)" in titles[1] and "Page 2 of 2." in descriptions[1]


@pytest.mark.parametrize("kind", ["list", "category", "tag"])
def test_lists_and_archives_are_collection_pages_with_breadcrumbs(client, kind):
    category, tag = CategoryFactory(name="Research"), TagFactory(name="Sleep")
    url = {
        "list": reverse("articles:list"),
        "category": category.get_absolute_url(),
        "tag": tag.get_absolute_url(),
    }[kind]
    expected = {"list": ["Home", "Articles"], "category": ["Home", "Articles", "Research"]}.get(
        kind, ["Home", "Articles", "Articles tagged “Sleep”"]
    )
    _, page = _get(client, url)

    (collection,) = page.graph("CollectionPage")
    (breadcrumbs,) = page.graph("BreadcrumbList")
    assert collection["url"] == "http://testserver" + url
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == expected
    assert "Breadcrumb" in page.navs


def test_author_page_shows_the_profile_and_is_a_profile_page(client):
    author = AuthorFactory(
        display_name="Dana Whitfield",
        credentials="MD",
        role="Medical director",
        bio="Dana has treated depression for twenty years.",
        photo=_jpeg((600, 600), "dana.jpg"),
    )
    mine = _published(title="Dana on infusions", author=author)
    draft = ArticleFactory(title="Dana drafting", author=author)
    response, page = _get(client, author.get_absolute_url())
    html = response.content.decode()

    assert "<h1>Dana Whitfield, MD</h1>" in html and "Medical director" in html
    assert "Dana has treated depression for twenty years." in html
    assert mine.title in html and draft.title not in html
    (photo,) = [image for image in page.images if image.get("alt") == "Photo of Dana Whitfield"]
    assert ".webp" in photo["srcset"] and photo["width"] and photo["height"]
    assert author.photo.url not in html
    assert page.headings[:2] == [1, 2] and page.headings[2] == 3  # h1 name, h2 "Articles by", h3 cards

    (profile,) = page.graph("ProfilePage")
    people = {person["@id"]: person for person in page.graph("Person")}
    person = people[profile["mainEntity"]["@id"]]
    assert person["name"] == "Dana Whitfield" and person["honorificSuffix"] == "MD"
    assert person["jobTitle"] == "Medical director" and person["image"].endswith(".jpg")
    assert [item["name"] for item in page.graph("BreadcrumbList")[0]["itemListElement"]] == [
        "Home", "Articles", "Dana Whitfield, MD",
    ]  # fmt: skip


def test_author_page_query_count_does_not_grow(client, django_assert_num_queries):
    author = AuthorFactory(photo=_jpeg((600, 600), "portrait.jpg"), bio="Writes about infusions.")
    client.get(author.get_absolute_url())  # warms the site profile and the thumbnail store
    for batch in (1, 12):
        ArticleFactory.create_batch(batch, published=True, author=author, tags=TagFactory.create_batch(2))
        with django_assert_num_queries(AUTHOR_PAGE_QUERIES):
            assert client.get(author.get_absolute_url()).status_code == 200


# Table of contents


def test_long_article_shows_a_table_of_contents_linking_to_heading_ids(client):
    article = _published(body=LONG_BODY)
    response, page = _get(client, article.get_absolute_url())
    html = response.content.decode()

    assert '<nav class="toc" aria-labelledby="toc-heading">' in html
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="#([^"]+)"', toc) == [
        "before-you-start",
        "rides-home",
        "on-the-day",
        "afterwards",
    ]
    assert "<ol>" in toc
    for anchor in ("before-you-start", "rides-home", "on-the-day", "afterwards"):
        assert f'id="{anchor}"' in html
    article.refresh_from_db()
    assert "id=" not in article.body  # ids are added when rendering, never stored


def test_short_article_has_no_table_of_contents(client):
    article = _published(body="<h2>One</h2><p>a</p><h2>Two</h2><p>b</p>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'class="toc"' not in html and "Table of contents" not in html
    assert '<h2 id="one">One</h2>' in html


def test_article_page_is_valid_shaped_html_ids_headings_and_nav_labels(client):
    category = CategoryFactory()
    condition = ConditionFactory(show_crisis_help=True)
    body = LONG_BODY + "<h2>References</h2><h2>Main</h2><h2>Key takeaways</h2>"
    article = _published(
        body=body, category=category, related_conditions=[condition], key_takeaways="One.\nTwo."
    )
    ReferenceFactory.create_batch(2, article=article)
    _published(category=category, published_at=_hours_ago(30))
    _published(published_at=_hours_ago(2))
    _, page = _get(client, article.get_absolute_url())

    duplicates = [name for name, count in Counter(page.ids).items() if count > 1]
    assert not duplicates
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    steps = zip(page.headings, page.headings[1:], strict=False)
    assert all(after - before <= 1 for before, after in steps)  # no skipped heading levels
    assert len(page.navs) == len(set(page.navs))
    labels = {"Main", "Breadcrumb", "toc-heading", "share-heading", "Previous and next articles"}
    assert labels <= set(page.navs)


# Review dates, takeaways, related and recent, previous/next, share links


def test_review_dates_line(client):
    article = _published(last_reviewed=date(2026, 1, 2), next_review_due=date(2027, 1, 2))
    html = client.get(article.get_absolute_url()).content.decode()
    # One compact line names the reviewer, the review date and the next one, each once (issue 14).
    assert (
        f"{article.reviewer.name_with_credentials}</a> on "
        '<time datetime="2026-01-02">Jan. 2, 2026</time> · '
        'Next review due <time datetime="2027-01-02">Jan. 2, 2027</time>'
    ) in html
    assert html.count('datetime="2026-01-02"') == 1 and html.count("Medically reviewed by") == 1
    without_due = _published(last_reviewed=date(2026, 1, 2), next_review_due=None)
    html = client.get(without_due.get_absolute_url()).content.decode()
    assert 'on <time datetime="2026-01-02">' in html and "Next review due" not in html
    without_reviewer = ArticleFactory(in_review=True, reviewer=None, last_reviewed=date(2026, 1, 2))
    client.force_login(UserFactory(is_superuser=True))
    html = client.get(without_reviewer.get_absolute_url()).content.decode()
    assert 'Last reviewed <time datetime="2026-01-02">Jan. 2, 2026</time>' in html


def test_key_takeaways_box_only_when_written(client):
    with_box = _published(key_takeaways="Bring a driver.\nEat lightly.")
    without = _published(key_takeaways="")
    html = client.get(with_box.get_absolute_url()).content.decode()
    assert "<li>Bring a driver.</li><li>Eat lightly.</li>" in html
    assert "Key takeaways" not in client.get(without.get_absolute_url()).content.decode()


def _section(html, css_class):
    match = re.search(rf'<section class="{css_class}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_related_articles_share_a_condition_or_the_category_newest_first_max_three(client):
    depression, ptsd = ConditionFactory(name="Depression"), ConditionFactory(name="PTSD")
    hidden = ConditionFactory(name="Hidden", is_listed=False)
    category = CategoryFactory(name="Research")
    article = _published(title="Main piece", category=category, related_conditions=[depression, hidden])
    same_condition = _published(title="Same condition", related_conditions=[depression, ptsd])
    same_category = _published(title="Same category", category=category, published_at=_hours_ago(30))
    oldest_related = _published(title="Oldest related", category=category, published_at=_hours_ago(90))
    too_old = _published(title="Fourth related", category=category, published_at=_hours_ago(120))
    _published(title="Shares only hidden", related_conditions=[hidden])
    ArticleFactory(title="Draft in category", category=category)
    ArticleFactory(title="Scheduled in category", category=category, scheduled=True)
    _published(title="Unrelated newest", published_at=_hours_ago(1))

    html = client.get(article.get_absolute_url()).content.decode()
    related = _section(html, "related-articles")

    titles = re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", related)
    assert titles == [same_condition.title, same_category.title, oldest_related.title]
    assert too_old.title not in related and "Main piece" not in related
    for absent in ("Shares only hidden", "Draft in category", "Scheduled in category", "Unrelated newest"):
        assert absent not in related


def test_recent_articles_exclude_itself_and_the_related_ones(client):
    category = CategoryFactory()
    article = _published(title="Main piece", category=category, published_at=_hours_ago(50))
    related = _published(title="Related one", category=category, published_at=_hours_ago(3))
    newest = [_published(title=f"Recent {n}", published_at=_hours_ago(10 + n)) for n in range(4)]
    ArticleFactory(title="A draft")

    recent = _section(client.get(article.get_absolute_url()).content.decode(), "recent-articles")

    assert re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", recent) == [a.title for a in newest[:3]]
    assert related.title not in recent and "Main piece" not in recent and "A draft" not in recent


def test_previous_and_next_follow_publish_time_among_published_articles(client):
    older = _published(title="Older", published_at=_hours_ago(72))
    ArticleFactory(title="Archived between", archived=True, published_at=_hours_ago(60))
    article = _published(title="Middle", published_at=_hours_ago(48))
    ArticleFactory(title="Scheduled later", scheduled=True)
    newer = _published(title="Newer", published_at=_hours_ago(24))

    html = client.get(article.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="prev-next".*?</nav>', html, re.S).group(0)
    assert f'<a href="{older.get_absolute_url()}" rel="prev">Older</a>' in nav
    assert f'<a href="{newer.get_absolute_url()}" rel="next">Newer</a>' in nav

    first = client.get(older.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in re.search(r'<nav class="prev-next".*?</nav>', first, re.S).group(0)


def test_previous_and_next_break_a_publish_time_tie_by_id(client):
    when = _hours_ago(48)
    first, middle, last = (_published(title=title, published_at=when) for title in ("One", "Two", "Three"))

    html = client.get(middle.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="prev-next".*?</nav>', html, re.S).group(0)
    assert f'<a href="{first.get_absolute_url()}" rel="prev">One</a>' in nav
    assert f'<a href="{last.get_absolute_url()}" rel="next">Three</a>' in nav


def test_share_links_are_plain_links_with_the_encoded_canonical_url(client):
    article = _published(title="Sleep & recovery", slug="sleep-and-recovery")
    html = client.get(article.get_absolute_url()).content.decode()
    url = "http://testserver/articles/sleep-and-recovery/"
    share = re.search(r'<nav class="share-links".*?</nav>', html, re.S).group(0)
    hrefs = [link["href"] for link in Page(share).links]

    encoded = quote(url, safe="")
    assert f"mailto:?{urlencode({'subject': article.title, 'body': url}, quote_via=quote)}" in hrefs
    assert f"https://x.com/intent/post?url={encoded}&text=Sleep+%26+recovery" in hrefs
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in hrefs
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}" in hrefs
    assert share.count('rel="noopener noreferrer"') == 4
    assert "<script" not in share and "<img" not in share
    # Nothing on the page is loaded from another host: scripts, images and stylesheets are same-origin.
    assert not re.search(r'<(?:script|img|link)[^>]+(?:src|href)="https?://(?!testserver)', html)
    assert "<script" not in html.replace('<script type="application/ld+json">', "")


def test_article_page_query_count_does_not_grow(client, django_assert_num_queries):
    category = CategoryFactory()
    article = _published(category=category, featured_image=_jpeg(), featured_image_alt="Room")
    client.get(article.get_absolute_url())  # warms the site profile and the thumbnail store
    for batch in (1, 6):
        for _ in range(batch):
            _published(category=category, tags=TagFactory.create_batch(2))
        article.tags.add(*TagFactory.create_batch(batch))
        ReferenceFactory.create_batch(batch, article=article)
        article.related_conditions.add(*ConditionFactory.create_batch(batch, show_crisis_help=True))
        with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
            assert client.get(article.get_absolute_url()).status_code == 200


# Images


def test_featured_image_is_served_as_webp_renditions_never_the_original(client):
    article = _published(featured_image=_jpeg(), featured_image_alt="A sunlit treatment room")
    response, page = _get(client, article.get_absolute_url())
    html = response.content.decode()

    assert article.featured_image.url not in html
    (image,) = [image for image in page.images if image.get("alt") == "A sunlit treatment room"]
    candidates = [candidate.split() for candidate in image["srcset"].split(", ")]
    assert [width for _, width in candidates] == ["400w", "800w", "1200w"]
    assert all(url.endswith(".webp") for url, _ in candidates)
    assert (image["width"], image["height"]) == ("800", "450")
    assert image["loading"] == "eager" and image["fetchpriority"] == "high"


def test_cards_use_lazy_renditions_sized_for_the_grid(client):
    article = _published(title="Card piece", featured_image=_jpeg(), featured_image_alt="Card picture")
    response, page = _get(client, reverse("articles:list"))
    (image,) = [image for image in page.images if image.get("alt") == "Card picture"]
    assert image["loading"] == "lazy" and "22rem" in image["sizes"]
    assert image["width"] and image["height"] and ".webp" in image["srcset"]
    assert article.featured_image.url not in response.content.decode()


def test_card_heading_level_defaults_to_two_and_the_home_page_uses_three(client):
    article = _published(title="Heading level piece")
    link = f'<a href="{article.get_absolute_url()}">Heading level piece</a>'
    assert f"<h2>{link}</h2>" in client.get(reverse("articles:list")).content.decode()
    assert f"<h3>{link}</h3>" in client.get(reverse("home")).content.decode()


# Feed discovery and print


def test_article_list_advertises_its_feeds(client):
    html = client.get(reverse("articles:list")).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="' in html
    assert f'href="{reverse("articles:feed")}"' in html
    assert 'type="application/atom+xml"' in html and f'href="{reverse("articles:feed_atom")}"' in html


def test_print_stylesheet_hides_what_paper_cannot_use_and_keeps_safety_information(client):
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "print.css").read_text()
    hidden = re.search(r"([^{}]*)\{\s*display: none !important;", css).group(1)
    for selector in (".site-nav", ".site-search", ".toc", ".share-links", ".prev-next", ".pagination",
                     ".more-articles", ".view-pixel", ".breadcrumbs"):  # fmt: skip
        assert selector in hidden, selector
    assert ".crisis-footer" in css and "footer-disclaimer" in css
    assert 'a[href^="http"]::after' in css and "attr(href)" in css
    assert "@page" in css
    html = client.get(reverse("articles:list")).content.decode()
    assert 'href="/static/css/print.css" media="print"' in html


def test_citation_markers_are_left_out_where_no_sources_are_beside_the_text(client):
    article = _published(
        title="Ketamine and sleep",
        excerpt="Sleep may be lighter for a night [1]. Most people sleep as usual by the next week [2, 3].",
    )
    expected = "Sleep may be lighter for a night. Most people sleep as usual by the next week."

    card = client.get("/articles/").content.decode()
    page = client.get(article.get_absolute_url()).content.decode()

    assert expected in card and "[1]" not in card
    assert f'<meta name="description" content="{expected}">' in page
