"""An article page's "Related articles" and "Recent articles": filled in as the page is served.

Both lists change whenever any article is published, so they are not part of each article's cached page (that
would drop every article page at each publication): the page holds a hole (infrastructure/page_holes.py), and
the lists are rendered once per change for the whole site as fragments of ready cards, a few more than shown,
so that each page can leave out itself and what it already shows.
"""

from django.template.loader import render_to_string

from domain.models import SiteProfile
from infrastructure import page_holes

from .models import Article

HOLE = "articles.more"
RELATED_COUNT = 3
RECENT_COUNT = 3


def hole_for(request, article):
    """Return the block (or its hole) for article's page."""
    params = {
        "article": article.pk,
        "category": article.category_id,
        "conditions": sorted(condition.pk for condition in article.listed_conditions),
    }
    return page_holes.hole(request, HOLE, params)


def fill(params) -> str:
    """Return the block's HTML for the article in params."""
    shown = {params["article"]}
    related = []
    if params["category"] is not None or params["conditions"]:
        related = _pick(_related_cards(params["category"], params["conditions"]), shown, RELATED_COUNT)
    recent = _pick(_recent_cards(), shown, RECENT_COUNT)
    if not (related or recent):
        return ""
    return render_to_string("articles/includes/more_articles.html", {"related": related, "recent": recent})


def _pick(cards, shown, count):
    picked = [(pk, html) for pk, html in cards if pk not in shown][:count]
    shown.update(pk for pk, _ in picked)
    return [html for _, html in picked]


def _related_cards(category, conditions):
    # One more than shown: the article itself may be among them.
    key = f"articles.related:{category}:{','.join(map(str, conditions))}"
    return page_holes.shared_fragment(
        key,
        lambda: _cards(Article.objects.sharing(category, conditions)[: RELATED_COUNT + 1]),
    )


def _recent_cards():
    # Enough that, leaving out the article and its related ones, RECENT_COUNT remain.
    return page_holes.shared_fragment(
        "articles.recent",
        lambda: _cards(Article.objects.published().for_cards()[: RECENT_COUNT + RELATED_COUNT + 1]),
    )


def _cards(articles) -> list[tuple[int, str]]:
    site = SiteProfile.objects.get_current()
    return [
        (
            article.pk,
            render_to_string(
                "articles/includes/article_card.html", {"article": article, "heading_level": 3, "site": site}
            ),
        )
        for article in articles
    ]
