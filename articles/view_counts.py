"""Anonymous view counting, off the article page's critical path.

The article page stays fully cacheable: it embeds a tiny same-origin image whose request does the
counting. No cookie is read or set and nothing about the reader is stored: one atomic
`view_count = view_count + 1` in the database, so counts survive restarts and concurrent requests.
Obvious bots, link previewers and prefetches are not counted.
"""

import re

from django.db.models import F
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import Article

# A 1×1 transparent GIF.
PIXEL = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"  # noqa: E501
BOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|scan|monitor|headless|lighthouse|pagespeed|validator|"
    r"facebookexternalhit|embedly|whatsapp|curl|wget|python|httpx|okhttp|java/|go-http|libwww|feedfetcher",
    re.IGNORECASE,
)


def is_countable(request) -> bool:
    """Return True when the request looks like a person's browser loading the page, not a bot or prefetch."""
    agent = request.headers.get("User-Agent", "")
    if not agent or BOT_AGENT.search(agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    if "prefetch" in purpose or "prerender" in purpose:
        return False
    return request.headers.get("Sec-Fetch-Dest", "image") == "image"


@never_cache
@require_safe
def count_view(request, pk):
    if request.method == "GET" and is_countable(request):
        Article.objects.published().filter(pk=pk).update(view_count=F("view_count") + 1)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex"
    return response
