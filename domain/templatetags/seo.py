from django import template

from domain import structured_data

register = template.Library()


def _absolute(request):
    return request.build_absolute_uri


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Return this page's canonical absolute URL: the path, plus ?page=N past the first page, nothing else."""
    request = context["request"]
    page = request.GET.get("page", "")
    query = f"?page={page}" if page.isdigit() and int(page) > 1 else ""
    return request.build_absolute_uri(request.path) + query


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path) if path else ""


@register.simple_tag(takes_context=True)
def json_ld(context):
    """Return the page's JSON-LD: the site's nodes, the view's `page_nodes`, and its `breadcrumbs`."""
    request = context.get("request")
    if request is None:
        return ""
    absolute = _absolute(request)
    nodes = structured_data.site_nodes(context["site"], absolute)
    nodes += context.get("page_nodes") or []
    breadcrumbs = context.get("breadcrumbs")
    if breadcrumbs:
        nodes.append(structured_data.breadcrumb_list(breadcrumbs, absolute))
    return structured_data.json_ld_script(nodes)
