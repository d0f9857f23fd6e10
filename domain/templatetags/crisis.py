from django import template

from domain import crisis_text

register = template.Library()


@register.filter
def crisis(text, profile):
    """Return authored text with {crisis line} and {emergency number} filled from the site profile.

    `{{ condition.summary|crisis:site }}`: for authored fields only, never for what a reader typed.
    """
    return crisis_text.fill(text, profile)
