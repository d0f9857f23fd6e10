"""What every public page tells browsers, sharing previews and search engines about itself.

Views mix in PageMetaMixin and describe the page once (title, description, image, breadcrumbs,
structured-data nodes); base.html turns that into <title>, the meta description, canonical, Open Graph
and Twitter tags, the visible breadcrumb trail and the JSON-LD @graph.
"""

from clinic.core import structured_data

HOME_CRUMB = ("Home", "/")


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
        breadcrumbs = self.get_breadcrumbs()
        context.update(
            meta=self.get_meta(),
            breadcrumbs=[HOME_CRUMB, *breadcrumbs] if breadcrumbs else [],
            page_nodes=self.get_page_nodes(self.request.build_absolute_uri),
        )
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
