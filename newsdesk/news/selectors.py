"""Read-side queries for reader pages: published articles ready to render as cards."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from wagtail.models import Locale

from newsdesk.people.models import Author

from .models import ArticlePage, ArticlePageAuthor, HomePage, SectionPage
from .routing import view_restrictions_exist

HOME_LATEST_COUNT = 12
HOME_SECTION_COUNT = 4
# Recent articles fetched at once for the front page's section blocks.
HOME_RECENT_POOL = 60


def articles_live() -> QuerySet[ArticlePage]:
    """Published articles, newest first, with what a card shows already fetched."""
    queryset = ArticlePage.objects.live()
    if view_restrictions_exist():  # Wagtail's .public() costs a query even when none exist
        queryset = queryset.public()
    return (
        queryset.select_related("lead_image", "locale")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticlePageAuthor.objects.select_related("author").order_by("sort_order"),
            )
        )
        .order_by("-first_published_at", "-pk")
    )


def articles_in_section(*, section: SectionPage) -> QuerySet[ArticlePage]:
    """Published articles of one section, newest first."""
    return articles_live().child_of(section)


def articles_by_author(*, author: Author) -> QuerySet[ArticlePage]:
    """Published articles that carry the author's byline, newest first."""
    return articles_live().filter(article_authors__author=author).distinct()


def articles_tagged(*, tag_slug: str, locale: Locale | None = None) -> QuerySet[ArticlePage]:
    """Published articles with a tag, newest first, in one language when given."""
    queryset = articles_live().filter(tags__slug=tag_slug)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset.distinct()


def home_page_blocks(*, home: HomePage) -> dict:
    """Everything the front page lists: a lead story, the latest news, a block per section.

    One query for the recent articles of every section (cards need no body), sorted into
    sections here; only a section too quiet to have enough of them in that pool gets a
    query of its own.
    """
    recent = list(articles_live().descendant_of(home).defer("body")[:HOME_RECENT_POOL])
    by_section: dict[str, list[ArticlePage]] = {}
    for article in recent:
        by_section.setdefault(article.path[: -ArticlePage.steplen], []).append(article)
    sections = []
    for section in SectionPage.objects.live().child_of(home).order_by("path"):
        articles = by_section.get(section.path, [])[:HOME_SECTION_COUNT]
        if len(articles) < HOME_SECTION_COUNT and len(recent) == HOME_RECENT_POOL:
            articles = list(articles_in_section(section=section)[:HOME_SECTION_COUNT])
        if articles:
            sections.append({"section": section, "articles": articles})
    latest = recent[: HOME_LATEST_COUNT + 1]
    return {
        "lead_article": latest[0] if latest else None,
        "latest_articles": latest[1:],
        "section_blocks": sections,
    }


def sections_for_navigation(*, locale: Locale) -> list[SectionPage]:
    """Live sections of a language's home page, in the editors' menu order."""
    return list(
        SectionPage.objects.live()
        .in_menu()
        .filter(locale=locale)
        .order_by("path")
        .only("title", "url_path", "slug", "locale_id", "path", "depth")
    )
