import hashlib
import logging
import time
from collections.abc import Callable

from django import template
from django.core.cache import cache
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from sorl.thumbnail import get_thumbnail

from infrastructure import cache_tags

register = template.Library()
logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (400, 800, 1200)
RENDERED_TAG_SECONDS = 24 * 60 * 60
RECENT_VALUES = 4096
RECENT_SECONDS = 10 * 60  # well inside a signed URL's lifetime (S3_URL_EXPIRY)
_recent: dict[str, tuple[str, float]] = {}


def recently_made(key: str, make: Callable[[], str]) -> str:
    """Return make(), kept in this process for a while under key; an empty answer is not kept.

    For values that depend only on an image's name (uploads get unique names), such as its renditions.
    """
    # Under the cache's epoch, so that whatever empties the cache (a restore) forgets these as well.
    remembered_key = f"{cache_tags.epoch(fresh=False)}:{key}"
    remembered = _recent.get(remembered_key)
    if remembered is not None and remembered[1] > time.monotonic():
        return remembered[0]
    value = make()
    if value:
        if len(_recent) >= RECENT_VALUES:
            _recent.clear()
        _recent[remembered_key] = (value, time.monotonic() + RECENT_SECONDS)
    return value


@register.simple_tag
def responsive_image(image, alt, sizes="(min-width: 44rem) 42rem, 100vw", eager=False, css_class=""):
    """Return an <img> with WebP renditions in srcset, width and height set; never the original file.

    Below-the-fold images load lazily; pass eager=True for the one image at the top of a page.
    """
    if not image:
        return ""
    # Uploads get unique names and renditions are deterministic, so the finished tag can be kept:
    # one cache read instead of three rendition lookups per image, and kept in this process for a while
    # too: a page of cards otherwise makes a cache round trip each.
    arguments = "\x1f".join((image.name, alt, sizes, str(bool(eager)), css_class))
    key = "responsive-image:" + hashlib.sha256(arguments.encode()).hexdigest()
    return recently_made(key, lambda: _cached_image_tag(key, image, alt, sizes, eager, css_class))


def _cached_image_tag(key, image, alt, sizes, eager, css_class):
    tag = cache.get(key)
    if tag is None:
        tag = _image_tag(image, alt, sizes, eager, css_class)
        if tag:
            cache.set(key, tag, timeout=RENDERED_TAG_SECONDS)
    return tag


def _image_tag(image, alt, sizes, eager, css_class):
    try:
        renditions = {}
        for width in RENDITION_WIDTHS:
            # No upscaling: a small original yields one rendition at its own width.
            thumb = get_thumbnail(image, str(width), format="WEBP", quality=80, upscale=False)
            renditions[thumb.width] = thumb
    except (OSError, ValueError):
        logger.exception("Could not make renditions of %s", image.name)
        return ""
    ordered = [renditions[width] for width in sorted(renditions)]
    default = ordered[min(1, len(ordered) - 1)]
    srcset = format_html_join(", ", "{} {}w", ((thumb.url, thumb.width) for thumb in ordered))
    loading = mark_safe(' loading="eager" fetchpriority="high"' if eager else ' loading="lazy"')
    class_attribute = format_html(' class="{}"', css_class) if css_class else ""
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" decoding="async"{}{}>',
        default.url,
        srcset,
        sizes,
        default.width,
        default.height,
        alt,
        loading,
        class_attribute,
    )
