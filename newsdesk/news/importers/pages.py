"""Turn a parsed plain-text page into a published ArticlePage.

Old pages carry no image files, only alt texts: each photo becomes a drawn placeholder
that keeps the alt text, caption and credit, so an editor can swap in the real file later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from django.utils.text import slugify

from newsdesk.people.models import Author

from ..images import placeholder_image
from ..models import ArticlePage, SectionPage
from ..services import article_create
from .plaintext import ImportedParagraph, ImportedPhoto, ImportedQuote, parse_plaintext_page

PLACEHOLDER_COLORS = ("#5f7d95", "#7a6f5d", "#5d7a66", "#7d5f73")

CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
            "a",
            "g",
            "q",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)


def slug_from_title(title: str, max_length: int = 60) -> str:
    """Transliterate a Russian or Kazakh title into a short Latin URL slug."""
    latin = "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in title.lower()).replace("_", "")
    slug = re.sub(r"-{2,}", "-", slugify(latin))
    if len(slug) > max_length:
        # Cut at a word boundary: half a word in a URL reads as a typo.
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug.strip("-") or "article"


def _author_for(name: str, status: str) -> Author:
    author = Author.objects.filter(name=name).first()
    if author is None:
        # The old page showed an avatar; a drawn portrait keeps the author card complete
        # until an editor uploads the real photo.
        author = Author.objects.create(
            name=name,
            slug=slug_from_title(name),
            status=Author.Status.FORMER if status == "former" else Author.Status.STAFF,
            photo=placeholder_image(
                title=f"Портрет: {name}", color="#6b7b8c", width=400, height=400
            ),
        )
    return author


def _photo_value(photo: ImportedPhoto, index: int) -> dict:
    image = placeholder_image(
        title=photo.alt, color=PLACEHOLDER_COLORS[index % len(PLACEHOLDER_COLORS)]
    )
    return {"image": image, "alt_text": photo.alt, "caption": photo.caption, "credit": photo.credit}


def article_from_plaintext(
    *,
    text: str,
    section: SectionPage,
    slug: str | None = None,
    source_name: str = "",
    source_url: str = "",
    tags: Iterable[str] = (),
    published_at: datetime | None = None,
) -> ArticlePage:
    """Parse ``text`` and create the article in ``section``; raises PlainTextImportError."""
    imported = parse_plaintext_page(text)
    body: list[tuple[str, object]] = []
    photo_index = 1
    for part in imported.body:
        if isinstance(part, ImportedParagraph):
            body.append(("paragraph", f"<p>{_escape(part.text)}</p>"))
        elif isinstance(part, ImportedQuote):
            body.append(("quote", {"text": part.text, "verb": part.verb, "speaker": part.speaker}))
        elif isinstance(part, ImportedPhoto):
            body.append(("photo", _photo_value(part, photo_index)))
            photo_index += 1
    lead = imported.lead_photo
    lead_value = _photo_value(lead, 0) if lead else None
    return article_create(
        section=section,
        title=imported.headline,
        slug=slug or slug_from_title(imported.headline),
        lede=imported.lede,
        body=body,
        authors=[_author_for(name, imported.author_status) for name in imported.authors],
        tags=tags,
        lead_image=lead_value["image"] if lead_value else None,
        lead_image_alt=lead.alt if lead else "",
        lead_image_caption=lead.caption if lead else "",
        lead_image_credit=lead.credit if lead else "",
        source_name=source_name,
        source_url=source_url,
        published_at=published_at,
    )


def _escape(text: str) -> str:
    # Rich text stores HTML: escape only what HTML needs, keep every other character as is.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
