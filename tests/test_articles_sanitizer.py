import re
from html.parser import HTMLParser

import pytest

from domain.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html
from tests.factories import ArticleFactory

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<img src=x OnError=alert(1)>",
    '<p onclick="alert(1)" onmouseover=alert(2)>click</p>',
    '<body onload="alert(1)">',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="java\tscript:alert(1)">tab inside</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">hex entities</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>',
    "<style>body{display:none}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<p><b>unclosed <i>nesting</p></b>text</i>",
    "<table><tr><td><script>alert(1)</script></td></tr></table>",
    "</p><script>alert(1)</script><p>",
    "<<script>script>alert(1)<</script>/script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    '<form action="https://evil.example"><input name="password" type="password"><button>Go</button></form>',
    '<input autofocus onfocus="alert(1)">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<!--<script>alert(1)</script>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    '<a href="https://example.org" target="_blank" rel="opener">opener</a>',
    '<img src="https://evil.example/track.gif" srcset="javascript:alert(1) 1x">',
    '<span class="evil" id="main">classy</span>',
]

URL_ATTRIBUTES = {"href", "src"}
FORBIDDEN = [
    "<script", "javascript:", "<iframe", "<style", "<svg", "<math", "<form", "<input", "<base", "<meta",
    "<object", "<embed", "<link", "style=", "onerror", "onload", "onclick",
]  # fmt: skip
EDITOR_FEATURES = [
    "<h2>Heading</h2>", "<h3>Sub</h3>", "<strong>Bold</strong>", "<i>italic</i>", "<li>one</li>",
    "<blockquote>", '<figure class="table">', "<td>cell</td>", '<figure class="image">',
    'alt="A calm room"', 'src="/media/uploads/2026/11/pic.jpg"', "<figcaption>Caption</figcaption>",
]  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _elements(html):
    collector = _Collector()
    collector.feed(html)
    return collector.tags


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaned_html_holds_only_allowed_tags_attributes_and_schemes(payload):
    cleaned = clean_html(payload)

    for tag, attrs in _elements(cleaned):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel", "class"}, (tag, name)
            if name in URL_ATTRIBUTES:
                # Browsers ignore ASCII whitespace and control characters inside a scheme.
                normalised = re.sub(r"[\x00-\x20]", "", value).lower()
                assert (
                    normalised.startswith(("http:", "https:", "mailto:", "tel:", "/", "#"))
                    or ":" not in normalised
                )
    lowered = cleaned.lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in lowered, forbidden


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_cleaning_is_idempotent(payload):
    once = clean_html(payload)
    assert clean_html(once) == once


def test_editor_output_survives_cleaning_unchanged_in_meaning():
    html = (
        "<h2>Heading</h2><h3>Sub</h3><p><strong>Bold</strong> and <i>italic</i> "
        '<a href="https://example.org/paper">a link</a></p>'
        "<ul><li>one</li></ul><ol><li>first</li></ol><blockquote><p>Quote</p></blockquote>"
        '<figure class="table"><table><tbody><tr><td>cell</td></tr></tbody></table></figure>'
        '<figure class="image"><img src="/media/uploads/2026/11/pic.jpg" alt="A calm room" width="800" '
        'height="450"><figcaption>Caption</figcaption></figure>'
    )
    cleaned = clean_html(html)
    for kept in EDITOR_FEATURES:
        assert kept in cleaned, kept
    assert clean_html(cleaned) == cleaned


def test_links_get_noopener_noreferrer():
    cleaned = clean_html('<a href="https://example.org" target="_blank" rel="opener">x</a>')
    assert 'rel="noopener noreferrer"' in cleaned
    assert "target" not in cleaned and '"opener"' not in cleaned


def test_unknown_figure_classes_are_dropped_but_editor_ones_kept():
    cleaned = clean_html('<figure class="image evil-overlay"><img src="/a.jpg" alt=""></figure>')
    assert 'class="image"' in cleaned and "evil-overlay" not in cleaned


@pytest.mark.django_db
def test_article_body_is_cleaned_on_save_and_rendered_harmless(client):
    article = ArticleFactory(
        published=True,
        body='<p onclick="steal()">Hello</p><script>alert("xss")</script><img src=x onerror=alert(1)>',
    )
    article.refresh_from_db()
    assert article.body == '<p>Hello</p><img src="x">'

    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alert("xss")' not in html and "steal()" not in html and "onerror" not in html
    assert "<p>Hello</p>" in html


@pytest.mark.django_db
def test_excerpt_is_derived_from_the_body_when_blank():
    article = ArticleFactory(excerpt="", body="<p>Ketamine is an <b>anaesthetic</b>.</p>")
    assert article.summary == "Ketamine is an anaesthetic."
    article.excerpt = "A written summary."
    assert article.summary == "A written summary."
