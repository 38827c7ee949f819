"""Drawn placeholder photos for demo content and imported pages that carry no image files."""

from __future__ import annotations

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from newsdesk.core.models import NewsImage


def placeholder_image(*, title: str, color: str, width: int = 1200, height: int = 800) -> NewsImage:
    """Draw a simple landscape-like placeholder photo and store it as a NewsImage.

    The same title gives the same file name, so re-runs reuse the stored image.
    """
    existing = NewsImage.objects.filter(title=title).first()
    if existing:
        return existing
    base = tuple(int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    picture = PILImage.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(picture)
    # Soft horizontal bands give the renditions something to compress, like a real photo.
    for band in range(0, height, 8):
        shade = tuple(min(255, c + band * 60 // height) for c in base)
        draw.rectangle([0, band, width, band + 8], fill=shade)
    seed = int(hashlib.sha1(title.encode()).hexdigest()[:8], 16)
    for index in range(3):
        x = (seed >> (index * 5)) % width
        radius = 80 + (seed >> (index * 3)) % 160
        tone = tuple(max(0, c - 40 - index * 15) for c in base)
        draw.ellipse([x - radius, height - radius, x + radius, height + radius], fill=tone)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    name = hashlib.sha1(title.encode()).hexdigest()[:16] + ".jpg"
    image = NewsImage(title=title[:255], description=title[:255])
    image.file = ImageFile(buffer, name=name)
    image.save()
    return image
