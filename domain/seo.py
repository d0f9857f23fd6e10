"""What every public page tells browsers, sharing previews and search engines about itself.

Views mix in PageMetaMixin and describe the page once (title, description, image, breadcrumbs,
structured-data nodes); base.html turns that into <title>, the meta description, canonical, Open Graph
and Twitter tags, the visible breadcrumb trail and the JSON-LD @graph. A page's description is made from
authored text only, so the crisis tokens in it are filled here, once; a page that echoes what a reader
typed (search) builds its own meta and leaves that text as it is.
"""

from django.urls import reverse_lazy
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from domain import crisis_text, structured_data
from domain.citation_markers import without_markers
from domain.models import SiteProfile

HOME_CRUMB = (pgettext_lazy("breadcrumb", "Home"), reverse_lazy("home"))  # "/es/" on a Spanish page


def as_text(data):
    """Return data (a page's meta, breadcrumbs or structured data) with each translatable string made text in
    the active language: a lazy string can't be filled, stripped of markers or written as JSON."""
    if isinstance(data, Promise):
        return str(data)
    if isinstance(data, dict):
        return {key: as_text(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(as_text(value) for value in data)
    return data


class PageMetaMixin:
    meta_title = ""
    meta_description = ""
    meta_section = ""

    def get_meta(self) -> dict:
        return {"title": self.meta_title, "description": self.meta_description, "section": self.meta_section}

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        return []

    def get_page_nodes(self, absolute) -> list[dict]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        breadcrumbs = as_text(self.get_breadcrumbs())
        meta = as_text(self.get_meta())
        if meta.get("description"):
            meta["description"] = without_markers(meta["description"])  # its sources aren't beside it
        described = {
            "meta": meta,
            "breadcrumbs": [as_text(HOME_CRUMB), *breadcrumbs] if breadcrumbs else [],
            "page_nodes": as_text(self.get_page_nodes(self.request.build_absolute_uri)),
        }
        context.update(crisis_text.fill_all(described, SiteProfile.objects.for_request(self.request)))
        return context


def collection_page(path: str, name: str, description: str, absolute) -> list[dict]:
    """Return the node for a list page (articles, conditions, an archive)."""
    return [
        structured_data.web_page(
            "CollectionPage",
            path,
            name,
            description,
            absolute,
            breadcrumb={"@id": absolute(path) + "#breadcrumb"},
        )
    ]
