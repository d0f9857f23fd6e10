from django import template

from domain.citation_markers import linked_markers

register = template.Library()


@register.filter
def cite_links(html, anchor_prefix):
    """Return rich text with its citation markers' numbers linked to the page's references.

    `{{ condition.description_html|crisis:site|cite_links:"ref-condition-" }}`; the prefix is the id the
    page's reference list gives each numbered source, without its number.
    """
    return linked_markers(html, anchor_prefix)
