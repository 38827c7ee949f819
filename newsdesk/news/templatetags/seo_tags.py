"""Tags for the head of reader pages: JSON-LD, absolute URLs, language alternates."""

import json

from django import template
from django.utils.safestring import SafeString, mark_safe

from newsdesk.news import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    """The absolute form of a site path, for canonical links and sharing tags."""
    return context["request"].build_absolute_uri(path)


def _script(data) -> SafeString:
    # "<" is escaped so the JSON can never close the script element early.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def article_jsonld(context, article) -> SafeString:
    """NewsArticle JSON-LD for an article page."""
    return _script(structured_data.article_jsonld(article, context["request"]))


@register.simple_tag(takes_context=True)
def author_jsonld(context, author) -> SafeString:
    """Person JSON-LD for an author page."""
    return _script(structured_data.author_jsonld(author, context["request"]))


@register.simple_tag(takes_context=True)
def site_jsonld(context) -> SafeString:
    """WebSite and organisation JSON-LD for the home page."""
    return _script(structured_data.site_jsonld(context["request"]))


@register.simple_tag
def page_alternates(page) -> list:
    """Live translations of a page (itself included), for hreflang links; empty if none."""
    translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
    return translations if len(translations) > 1 else []


@register.simple_tag
def article_social_image(article):
    """A 1200×630 rendition for OpenGraph and Twitter cards, or None."""
    image = article.social_image or article.lead_image
    return image.get_rendition(structured_data.SOCIAL_IMAGE_SPEC) if image else None
