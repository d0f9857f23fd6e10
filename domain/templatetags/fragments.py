"""{% sharedfragment "name" part… %}…{% endsharedfragment %}: a block rendered once per change of what
it shows.

The block's HTML is kept in the shared cache (infrastructure.page_holes.shared_fragment) with the cache tags
of everything it loaded while it rendered, and of the objects named among its parts; a change to any of them
renders it again, and a hit adds those tags to the page around it, so the page cache stays exact. A page
rendered without the page cache (after a change, for a query string it does not keep) thus skips the work
of the blocks nothing changed in: their queries too, when the view hands the template lists it reads lazily.

The block must depend only on its parts, the objects it loads and the site profile (authored text is filled
from it): never on the request, the reader, or a loop variable not named among the parts. A hole
(infrastructure.page_holes.hole) must not be inside: its marker is this process's. Staff (who see hidden
entries) and a setting, FRAGMENT_CACHE, render the block in place.
"""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.db.models import Model
from django.utils.safestring import mark_safe

from domain.models import SiteProfile
from infrastructure import cache_tags
from infrastructure.page_holes import shared_fragment

register = template.Library()


@register.tag
def sharedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name, then the parts its block depends on")
    nodelist = parser.parse(("endsharedfragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if not settings.FRAGMENT_CACHE or request is None or request.user.is_authenticated:
            return self.nodelist.render(context)
        key, objects = [], []
        for part in self.parts:
            value = part.resolve(context)
            if isinstance(value, Model):
                objects.append(value)
                value = cache_tags.object_tag(type(value), value.pk)
            key.append(str(value))

        def render_block():
            for instance in objects:  # loaded by the view, outside this block: count them here too
                cache_tags.shows_object(instance)
            # Authored text is filled from the profile (crisis numbers, facts): its changes count here too.
            # The facts, when this page read them before the block: else the block reads them if it names one.
            profile = SiteProfile.objects.get_current()
            if "facts" in getattr(context.get("site"), "__dict__", {}):
                profile.facts  # noqa: B018
            return str(self.nodelist.render(context))

        return mark_safe(
            shared_fragment("block:" + "|".join(quote(part, safe="") for part in key), render_block)
        )
