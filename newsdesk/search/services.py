"""Writes to the search index: index one article, forget it, rebuild everything."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from django.db import transaction

from newsdesk.news.models import ArticlePage, SectionPage

from .backends import IndexRow, get_backend, rank_key
from .lexicon import lexicon_clear, lexicon_extend
from .models import SearchDocument
from .text import index_terms

TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")
REINDEX_BATCH = 200


def _plain(value: str) -> str:
    """Rich text or plain text as one line of plain text (tags become spaces)."""
    return SPACE_RE.sub(" ", html.unescape(TAG_RE.sub(" ", value))).strip()


def article_plain_text(*, article: ArticlePage) -> str:
    """The article body as readers read it: paragraphs, quotes with speakers, captions."""
    parts: list[str] = []
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(_plain(block.value.source))
        elif block.block_type == "quote":
            parts.append(_plain(f"«{block.value['text']}» — {block.value['speaker']}"))
        elif block.block_type == "photo":
            parts.append(_plain(block.value.get("caption") or ""))
    return "\n".join(part for part in parts if part)


def _indexable(queryset):
    """Only live articles that anyone may read are ever indexed."""
    return queryset.live().public().select_related("locale")


def _texts(document: SearchDocument) -> list[str]:
    """The texts a search shows and highlights, whose words the lexicon must know."""
    return [document.title, document.lede, document.body_text]


def _document_and_row(article: ArticlePage) -> tuple[SearchDocument, IndexRow]:
    parent = article.get_parent()
    section = parent.specific if parent and parent.specific_class is SectionPage else None
    body_text = article_plain_text(article=article)
    language = article.locale.language_code
    published_at = article.first_published_at or article.last_published_at
    document = SearchDocument(
        page_id=article.pk,
        locale_id=article.locale_id,
        section_id=section.pk if section else None,
        section_title=section.title if section else "",
        title=article.title,
        lede=article.lede,
        body_text=body_text,
        url=article.get_url() or "",
        published_at=published_at,
        rank_key=rank_key(published_at=published_at, page_id=article.pk),
    )
    row = IndexRow(
        page_id=article.pk,
        rank_key=document.rank_key,
        locale_id=article.locale_id,
        section_id=document.section_id,
        published_at=published_at,
        headline=" ".join(index_terms(article.title, language_code=language)),
        lede=" ".join(index_terms(article.lede, language_code=language)),
        body=" ".join(index_terms(body_text, language_code=language)),
    )
    return document, row


@transaction.atomic
def search_document_update(*, page_id: int) -> bool:
    """Bring one article's index entry up to date; returns whether it is now indexed.

    A draft, unpublished, private or deleted article is removed from the index.
    """
    article = _indexable(ArticlePage.objects.filter(pk=page_id)).first()
    if article is None:
        search_documents_delete(page_ids=[page_id])
        return False
    document, row = _document_and_row(article)
    document.save()
    get_backend().write([row])
    lexicon_extend(_texts(document))
    return True


@transaction.atomic
def search_documents_delete(*, page_ids: Sequence[int]) -> None:
    """Remove articles from the index."""
    SearchDocument.objects.filter(page_id__in=page_ids).delete()
    get_backend().delete(page_ids)


def search_index_rebuild() -> int:
    """Index every live, public article from scratch; returns how many were indexed.

    Batches keep memory flat; each batch commits on its own so readers keep searching.
    """
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        get_backend().clear()
        lexicon_clear()
    ids = list(_indexable(ArticlePage.objects.all()).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), REINDEX_BATCH):
        batch = ids[start : start + REINDEX_BATCH]
        with transaction.atomic():
            articles = _indexable(ArticlePage.objects.filter(pk__in=batch))
            pairs = [_document_and_row(article) for article in articles]
            SearchDocument.objects.bulk_create([document for document, _row in pairs])
            get_backend().write([row for _document, row in pairs])
            lexicon_extend(text for document, _row in pairs for text in _texts(document))
    return len(ids)
