"""Plain dicts for the API: articles, their blocks and images, sections, authors, tags."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.rich_text import expand_db_html

from newsdesk.core.templatetags.newsdesk_tags import responsive_specs
from newsdesk.news.models import ArticlePage, SectionPage
from newsdesk.people.models import Author


def image_data(image, *, alt: str, caption: str, credit: str, request: HttpRequest) -> dict:
    """An image with its alt text, caption, credit and WebP renditions (absolute URLs)."""
    # The pages' own srcset renditions: made once, on publish (news/renditions.py).
    renditions = image.get_renditions(*responsive_specs(image))
    return {
        "alt": alt,
        "caption": caption,
        "credit": credit,
        "renditions": [
            {"url": request.build_absolute_uri(r.url), "width": r.width, "height": r.height}
            for r in renditions.values()
        ],
    }


def author_data(author: Author, request: HttpRequest) -> dict:
    return {
        "slug": author.slug,
        "name": author.name,
        "role": author.role,
        "status": author.status,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }


def section_data(section: SectionPage, request: HttpRequest) -> dict:
    return {
        "slug": section.slug,
        "title": section.title,
        "language": section.locale.language_code,
        "url": request.build_absolute_uri(section.url),
    }


def article_summary(article: ArticlePage, request: HttpRequest) -> dict:
    """What a list shows: headline, lede, dates, section, authors, tags and the lead image."""
    parent = article.get_parent()
    return {
        "id": article.pk,
        "headline": article.title,
        "lede": article.lede,
        "url": request.build_absolute_uri(article.url),
        "language": article.locale.language_code,
        "section": {"slug": parent.slug, "title": parent.title},
        "authors": [author_data(author, request) for author in article.authors],
        "tags": sorted(tag.name for tag in article.tags.all()),
        "published_at": article.first_published_at.isoformat(),
        "updated_at": (article.last_published_at or article.first_published_at).isoformat(),
        "lead_image": image_data(
            article.lead_image,
            alt=article.lead_image_alt,
            caption=article.lead_image_caption,
            credit=article.lead_image_credit,
            request=request,
        )
        if article.lead_image
        else None,
        "source": {"name": article.source_name, "url": article.source_url}
        if article.source_name
        else None,
    }


def block_data(block, request: HttpRequest) -> dict:
    """One body block as structured data."""
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return {"type": "paragraph", "html": expand_db_html(value.source)}
    if kind == "quote":
        return {
            "type": "quote",
            "text": value["text"],
            "verb": value["verb"],
            "speaker": value["speaker"],
        }
    if kind == "photo":
        image = value["image"]
        data = (
            image_data(
                image,
                alt=value["alt_text"],
                caption=value["caption"],
                credit=value["credit"],
                request=request,
            )
            if image
            else None
        )
        return {"type": "photo", "image": data}
    return {"type": "embed", "url": value.url}


def article_detail(article: ArticlePage, request: HttpRequest) -> dict:
    """The whole article, with the body as a list of blocks."""
    return {
        **article_summary(article, request),
        "body": [block_data(block, request) for block in article.body],
    }
