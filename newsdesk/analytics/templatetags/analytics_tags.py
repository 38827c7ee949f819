"""The page identity the beacon reports: the same for every reader, so cacheable."""

from django import template

register = template.Library()


@register.simple_tag
def analytics_identity(page=None) -> dict:
    """Article id, section id and author ids of an article page; empty for other pages."""
    from newsdesk.news.models import ArticlePage

    if not isinstance(page, ArticlePage):
        return {}
    return {
        "a": page.id,
        "s": page.get_parent().id if page.depth > 1 else "",
        "au": ",".join(str(link.author_id) for link in page.article_authors.all()),
    }
