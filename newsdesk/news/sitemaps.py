"""Sitemaps: an index of paged sections, and a Google News sitemap of the last 48 hours."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from newsdesk.people.models import Author

from .models import ArticlePage, SectionPage
from .selectors import articles_live

NEWS_WINDOW = timedelta(hours=48)


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return ArticlePage.objects.live().public().order_by("-first_published_at", "pk")

    def location(self, item: ArticlePage) -> str:
        return item.url

    def lastmod(self, item: ArticlePage):
        return item.last_published_at or item.first_published_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return SectionPage.objects.live().public().order_by("path")

    def location(self, item: SectionPage) -> str:
        return item.url


class AuthorSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        live = ArticlePage.objects.live().public()
        return Author.objects.filter(article_links__page__in=live).distinct().order_by("slug")


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        live = ArticlePage.objects.live().public().values("pk")
        return (
            Tag.objects.filter(news_articlepagetag_items__content_object__in=live)
            .annotate(latest=Max("news_articlepagetag_items__content_object__first_published_at"))
            .order_by("slug")
        )

    def location(self, item: Tag) -> str:
        return reverse("news:tag", args=[item.slug])

    def lastmod(self, item: Tag):
        return item.latest


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}


def news_sitemap_articles():
    """Articles first published in the last 48 hours, for the Google News sitemap."""
    return articles_live().filter(first_published_at__gte=timezone.now() - NEWS_WINDOW)
