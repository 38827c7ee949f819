"""Which cached paths show a piece of content (read-only queries)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page

from newsdesk.news.models import ArticlePage, HomePage
from newsdesk.news.selectors import articles_by_author, articles_live
from newsdesk.people.models import Author

# Past this many articles, purging page by page costs more than re-rendering the site.
MAX_ARTICLES_PER_PURGE = 200
SYNDICATION_PATH = "/feeds/"


def page_path(page: Page) -> str | None:
    """A page's path on its site (with the language prefix), or None if it has none."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def named_url_paths(name: str, slug: str) -> set[str]:
    """A reader view's path in every language (``/authors/x/``, ``/kk/authors/x/``…)."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse(name, kwargs={"slug": slug}))
    return paths


def home_paths() -> set[str]:
    """The front page of every language."""
    return {path for home in HomePage.objects.all() if (path := page_path(home))}


def article_paths(*, article: ArticlePage) -> set[str]:
    """Every page that shows the article: itself in each translation, its sections, the
    front pages, its authors' and tags' pages, and the feeds and sitemaps."""
    paths = home_paths() | {SYNDICATION_PATH}
    for translation_page in article.get_translations(inclusive=True):
        for page in (translation_page, translation_page.get_parent()):
            if page is not None and (path := page_path(page)):
                paths.add(path)
    for link in article.article_authors.select_related("author"):
        paths |= named_url_paths("news:author", link.author.slug)
    for tag in article.tags.all():
        paths |= named_url_paths("news:tag", tag.slug)
    return paths


def articles_paths(articles) -> set[str] | None:
    """The union of :func:`article_paths`, or None when too many articles to go one by one."""
    articles = list(articles[: MAX_ARTICLES_PER_PURGE + 1])
    if len(articles) > MAX_ARTICLES_PER_PURGE:
        return None
    paths: set[str] = set()
    for article in articles:
        paths |= article_paths(article=article)
    return paths


def author_paths(*, author: Author) -> set[str] | None:
    """The author's page and every page showing one of their bylines (None: too many)."""
    paths = articles_paths(articles_by_author(author=author))
    return None if paths is None else paths | named_url_paths("news:author", author.slug)


def tag_paths(*, tag: Tag) -> set[str] | None:
    """The tag's page and every page of its articles (None: too many)."""
    paths = articles_paths(articles_live().filter(tags=tag).distinct())
    return None if paths is None else paths | named_url_paths("news:tag", tag.slug)
