"""Articles written for search tests (our own sentences, with the word forms under test)."""

from __future__ import annotations

from datetime import datetime

from newsdesk.news.tests.factories import article_make


def story_make(
    section,
    *,
    title: str,
    lede: str = "Короткая заметка редакции.",
    text: str = "Подробности появятся позже.",
    slug: str | None = None,
    published_at: datetime | None = None,
    **fields,
):
    """A published article with this headline, lede and one-paragraph body."""
    article = article_make(
        section,
        title=title,
        lede=lede,
        slug=slug,
        published_at=published_at,
        with_photo=False,
        tags=(),
        **fields,
    )
    article.body = [("paragraph", f"<p>{text}</p>")]
    article.save_revision().publish()
    if published_at is not None:
        type(article).objects.filter(pk=article.pk).update(first_published_at=published_at)
        from newsdesk.search.services import search_document_update

        search_document_update(page_id=article.pk)
    article.refresh_from_db()
    return article
