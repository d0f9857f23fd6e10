from django import template

from articles import more_articles as block

register = template.Library()


@register.simple_tag(takes_context=True)
def more_articles(context, article):
    """An article's related and recent articles (articles/more_articles.py)."""
    return block.hole_for(context.get("request"), article)
