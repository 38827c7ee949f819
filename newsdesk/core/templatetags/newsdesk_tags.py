"""Template helpers for responsive images and machine-readable dates."""

import threading
from collections import OrderedDict
from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

# Widths offered to the browser; the smallest is for phones on slow networks.
RENDITION_WIDTHS = (360, 720, 1080)


def rendition_widths(image_width: int, widths: tuple[int, ...] = RENDITION_WIDTHS) -> list[int]:
    """Return the widths to render for an image, never upscaling and never listing one twice.

    An image narrower than a step yields its own width once: srcset must not name two
    candidates with the same width descriptor.
    """
    result: list[int] = []
    for width in widths:
        width = min(width, image_width)
        if width not in result:
            result.append(width)
    return result


def responsive_specs(image) -> list[str]:
    """The WebP rendition specs of an image's srcset, smallest first (the API uses them too)."""
    return [f"width-{width}|format-webp|webpquality-75" for width in rendition_widths(image.width)]


# Rendered <img> tags by image file, focal point and arguments: finding renditions costs
# cache round trips per image, and the tag for the same file and arguments never changes
# (a new upload gets a new file name; a new focal point is part of the key).
_IMG_MEMO: OrderedDict[tuple, str] = OrderedDict()
_IMG_MEMO_SIZE = 2048
_IMG_MEMO_LOCK = threading.Lock()


@register.simple_tag
def responsive_image(
    image, alt: str = "", sizes: str = "100vw", lazy: bool = True, css_class: str = ""
):
    """Render an ``<img>`` with a srcset of WebP renditions, width, height and alt text.

    ``lazy=False`` is for the first photo on a page, which the browser should fetch at once.
    """
    if image is None:
        return ""
    key = (
        image.pk,
        image.file.name,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        str(alt),
        sizes,
        bool(lazy),
        css_class,
    )
    html = _IMG_MEMO.get(key)
    if html is None:
        html = _responsive_image_render(image, alt, sizes, lazy, css_class)
        with _IMG_MEMO_LOCK:
            _IMG_MEMO[key] = html
            while len(_IMG_MEMO) > _IMG_MEMO_SIZE:
                _IMG_MEMO.popitem(last=False)
    return html


def _responsive_image_render(image, alt: str, sizes: str, lazy: bool, css_class: str) -> str:
    renditions = image.get_renditions(*responsive_specs(image))
    ordered = list(renditions.values())
    largest = ordered[-1]
    srcset = format_html_join(", ", "{} {}w", ((r.url, r.width) for r in ordered))
    # The first photo on a page is fetched at once (it is the largest contentful paint);
    # the others wait until they come near the viewport.
    loading = mark_safe(' loading="lazy"' if lazy else ' fetchpriority="high"')  # noqa: S308
    extra = format_html(' class="{}"', css_class) if css_class else ""
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} decoding="async"{}>',
        largest.url,
        srcset,
        sizes,
        largest.width,
        largest.height,
        alt,
        loading,
        extra,
    )


@register.filter
def iso(value: datetime | None) -> str:
    """Format a datetime as ISO 8601 in the site's time zone, for ``<time datetime>``."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
