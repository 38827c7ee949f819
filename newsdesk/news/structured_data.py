"""Machine-readable descriptions of pages: schema.org JSON-LD for articles, authors, the site."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static

from .models import ArticlePage

# Google asks for several aspect ratios of the article image.
JSONLD_IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
AUTHOR_PHOTO_SPEC = "fill-400x400"
# OpenGraph and Twitter cards (seo_tags.article_social_image).
SOCIAL_IMAGE_SPEC = "fill-1200x630"


def publisher(request: HttpRequest) -> dict:
    """The news organisation, with its logo."""
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSDESK_SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def article_image_urls(article: ArticlePage, request: HttpRequest) -> list[str]:
    """Absolute URLs of the lead (or social) image in 16:9, 4:3 and 1:1."""
    image = article.social_image or article.lead_image
    if image is None:
        return []
    renditions = image.get_renditions(*JSONLD_IMAGE_SPECS)
    return [request.build_absolute_uri(renditions[spec].url) for spec in JSONLD_IMAGE_SPECS]


def article_jsonld(article: ArticlePage, request: HttpRequest) -> dict:
    """A schema.org NewsArticle for the article page."""
    url = request.build_absolute_uri(article.url)
    modified = article.last_published_at or article.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.search_description or article.lede,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": article.locale.language_code,
        "datePublished": article.first_published_at.isoformat()
        if article.first_published_at
        else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in article.authors
        ],
        "publisher": publisher(request),
        "image": article_image_urls(article, request),
        "articleSection": article.get_parent().title,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.source_url:
        data["isBasedOn"] = article.source_url
    return data


def author_jsonld(author, request: HttpRequest) -> dict:
    """A schema.org Person for the author page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
        "jobTitle": author.role or None,
        "description": author.bio or None,
        "worksFor": publisher(request),
    }
    if author.photo:
        data["image"] = request.build_absolute_uri(
            author.photo.get_rendition(AUTHOR_PHOTO_SPEC).url
        )
    return {key: value for key, value in data.items() if value is not None}


def site_jsonld(request: HttpRequest) -> list[dict]:
    """WebSite and the organisation, for the home page."""
    return [
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.NEWSDESK_SITE_NAME,
            "url": request.build_absolute_uri("/"),
            "inLanguage": "ru",
        },
        {"@context": "https://schema.org", **publisher(request)},
    ]
