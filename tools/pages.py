"""The public pages `make audit` and `make bench` visit, and how they find a real article and condition."""

import re
from urllib.parse import urljoin, urlsplit

# "{article}" and "{condition}" stand for the first detail page linked from the listing before them.
PUBLIC_PAGES = [
    "/",
    "/articles/",
    "{article}",
    "/conditions/",
    "{condition}",
    "/treatments/",
    "/safety/",
    "/search/?q=ketamine",
    # The Spanish edition (issue 24): its home, an article, a condition, the pre-screen and search.
    "/es/",
    "{es_article}",
    "{es_condition}",
    "/es/safety/check/",
    "/es/search/?q=depresion",
]
DETAIL_LINKS = {
    "{article}": ("/articles/", re.compile(r"^/articles/(?!(?:category|tag|author|feed|views)/)[\w-]+/$")),
    "{condition}": ("/conditions/", re.compile(r"^/conditions/[\w-]+/$")),
    "{es_article}": (
        "/es/articles/",
        re.compile(r"^/es/articles/(?!(?:category|tag|author|feed|views)/)[\w-]+/$"),
    ),
    "{es_condition}": ("/es/conditions/", re.compile(r"^/es/conditions/[\w-]+/$")),
}


def first_link(html: str, base_url: str, pattern: re.Pattern) -> str | None:
    """Return the path of the first same-site link in html whose path matches pattern."""
    for href in re.findall(r"""href=["']([^"'#]+)["']""", html):
        url = urlsplit(urljoin(base_url + "/", href))
        if url.netloc == urlsplit(base_url).netloc and pattern.match(url.path):
            return url.path
    return None
