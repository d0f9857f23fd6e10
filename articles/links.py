"""Internal links in a body that lead nowhere: found as the article is saved, named in a warning."""

import re
from html import unescape
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from conditions.models import AdministrationRoute, Condition
from domain.models import Redirect

from .models import Article, Author, Category, Tag

LINK = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>(.*?)</a>""", re.I | re.S)
TAG = re.compile(r"<[^>]+>")

# The site's pages that show one object: the link works only if readers can see that object.
OBJECT_PAGES = {
    "articles:detail": lambda slug: Article.objects.published().filter(slug=slug),
    "articles:category": lambda slug: Category.objects.filter(slug=slug),
    "articles:tag": lambda slug: Tag.objects.filter(slug=slug),
    "articles:author": lambda slug: Author.objects.filter(slug=slug),
    "conditions:detail": lambda slug: Condition.objects.listed().filter(slug=slug),
    "conditions:route_detail": lambda slug: AdministrationRoute.objects.listed().filter(slug=slug),
}


def internal_path(href, hosts):
    """Return the path of href if it points at this site (relative, or to one of hosts), else None."""
    parts = urlsplit(href.strip())
    if parts.scheme in ("http", "https") and parts.hostname and parts.hostname in hosts:
        return parts.path or "/"
    if not parts.scheme and not parts.netloc and parts.path.startswith("/"):
        return parts.path
    return None


def leads_somewhere(path):
    try:
        match = resolve(path)
    except Resolver404:
        return Redirect.objects.filter(old_path=path).exists()
    check = OBJECT_PAGES.get(match.view_name)
    if check is None:
        return True
    return check(match.kwargs.get("slug", "")).exists() or Redirect.objects.filter(old_path=path).exists()


def broken_links(html, hosts=()):
    """Return [(link text, href)] for links in html to this site's addresses that lead to no public page."""
    broken = []
    for match in LINK.finditer(html or ""):
        href = unescape(match.group(1) or match.group(2) or "")
        path = internal_path(href, set(hosts))
        if path is not None and not leads_somewhere(path):
            text = " ".join(unescape(TAG.sub("", match.group(3))).split())
            broken.append((text, href))
    return broken
