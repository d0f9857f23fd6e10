"""A page's languages: its <html lang>, Open Graph locale, hreflang alternates and the language switch.

A view may say which languages its page exists in (`alternates` in the context: {code: url or None}, None
for a language the page has no translation into); otherwise every language's version is the same address
with its prefix (lists, the safety page, search). A missing version is left out of the hreflang links, and
the switch offers the section's list in that language instead (`fallback`).
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from domain import translations
from domain.translations import current_language, default_language

register = template.Library()

OPEN_GRAPH_LOCALES = {"en": "en_US", "es": "es_US"}
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


@register.simple_tag
def page_language():
    return current_language()


@register.simple_tag
def open_graph_locale():
    return OPEN_GRAPH_LOCALES.get(current_language(), current_language())


def _codes():
    return [code for code, _ in settings.LANGUAGES]


def url_in(path, code):
    """Return path's page in the language code ("en" is LANGUAGE_CODE, whose pages have no prefix)."""
    return translate_url(path, settings.LANGUAGE_CODE if code == default_language() else code)


def page_versions(context):
    """Return {code: path or None} of this page in every language."""
    request = context["request"]
    given = context.get("alternates")
    if given is not None:
        return given
    return {code: url_in(request.path, code) for code in _codes()}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """Return [(hreflang, absolute url)] for each language the page exists in, and x-default (English), as the
    sitemap lists them."""
    request = context.get("request")
    if request is None:
        return []
    versions = {code: path for code, path in page_versions(context).items() if path}
    if not versions.get(default_language()):
        return []
    links = [(code, request.build_absolute_uri(path)) for code, path in versions.items()]
    links.append(("x-default", request.build_absolute_uri(versions[default_language()])))
    return links


@register.simple_tag(takes_context=True)
def language_switch(context):
    """Return [(code, name, url, exists)] for the languages other than the page's."""
    request = context.get("request")
    if request is None:
        return []
    versions = page_versions(context)
    fallback = context.get("language_fallback") or {}
    here = current_language()
    return [
        (code, LANGUAGE_NAMES.get(code, code), versions.get(code) or fallback.get(code) or url_in("/", code),
         bool(versions.get(code)))
        for code in _codes() if code != here
    ]  # fmt: skip


@register.filter
def lang_attr(item):
    """` lang="en"` for an item shown in a language other than the page's (no translation yet), else ''."""
    shown = getattr(item, "shown_language", None)
    if shown and shown != current_language():
        return mark_safe(f' lang="{escape(shown)}"')
    return ""


@register.filter
def starts_with(text, prefix):
    return str(text).startswith(str(prefix))


@register.filter
def in_original_language(item):
    """The item's page in the original language (English)."""
    return translations.in_original_language(item)


@register.simple_tag
def language_of_field(form, name):
    """` lang="en"` for a form question asked in a language other than the page's (not yet translated)."""
    shown = getattr(form, "shown_languages", {}).get(name)
    if shown and shown != current_language():
        return mark_safe(f' lang="{escape(shown)}"')
    return ""


@register.filter(needs_autoescape=True)
def as_source_text(text, autoescape=True):
    """A source's title or quotation, marked as English on a page in another language (it stays English)."""
    text = conditional_escape(text) if autoescape else text
    if current_language() != "en":
        return mark_safe(f'<span lang="en">{text}</span>')
    return mark_safe(text)
