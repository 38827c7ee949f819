"""RSS 2.0, Atom and Yandex News feeds for the site, each section, author and tag."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, format_html, strip_tags
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.rich_text import expand_db_html

from newsdesk.people.models import Author

from .models import ArticlePage, SectionPage
from .selectors import articles_by_author, articles_in_section, articles_live, articles_tagged

FEED_SIZE = 30
ENCLOSURE_SPEC = "width-1080|format-jpeg|jpegquality-80"


def article_full_html(article: ArticlePage, absolute) -> str:
    """The article body as plain HTML for feed readers (no site CSS, absolute image URLs)."""
    parts = [format_html("<p><strong>{}</strong></p>", article.lede)]
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(expand_db_html(block.value.source))
        elif block.block_type == "quote":
            parts.append(
                format_html(
                    "<blockquote><p>«{}»</p><p>— {} {}</p></blockquote>",
                    block.value["text"],
                    block.value["verb"],
                    block.value["speaker"],
                )
            )
        elif block.block_type == "photo" and block.value["image"]:
            rendition = block.value["image"].get_rendition(ENCLOSURE_SPEC)
            parts.append(
                format_html(
                    '<figure><img src="{}" alt="{}" width="{}" height="{}">'
                    "<figcaption>{} {}</figcaption></figure>",
                    absolute(rendition.url),
                    block.value["alt_text"],
                    rendition.width,
                    rendition.height,
                    block.value["caption"],
                    block.value["credit"],
                )
            )
        elif block.block_type == "embed":
            parts.append(
                format_html('<p><a href="{}">{}</a></p>', block.value.url, block.value.url)
            )
    return "\n".join(str(part) for part in parts)


class FullTextRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the full text in ``content:encoded``."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("full_text"):
            handler.addQuickElement("content:encoded", item["full_text"])


class YandexRssFeed(Rss201rev2Feed):
    """The RSS flavour Yandex News and Dzen read: ``yandex:full-text`` and ``yandex:genre``."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:yandex": "http://news.yandex.ru",
            "xmlns:media": "http://search.yahoo.com/mrss/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("yandex:genre", "message")
        handler.addQuickElement("yandex:full-text", item.get("plain_text", ""))


class ArticlesFeed(Feed):
    """The newest published Russian articles of the whole site (RSS 2.0)."""

    feed_type = FullTextRssFeed
    description = _("News of Kazakhstan and its regions.")
    language = "ru"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self, obj=None) -> str:
        return "Newsdesk" if obj is None else f"Newsdesk — {obj}"

    def link(self, obj=None) -> str:
        return "/"

    def articles(self, obj):
        return articles_live().filter(locale__language_code="ru")

    def items(self, obj=None):
        return list(self.articles(obj)[:FEED_SIZE])

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return escape(item.lede)

    def item_link(self, item: ArticlePage) -> str:
        return item.url

    def item_guid(self, item: ArticlePage) -> str:
        return self.request.build_absolute_uri(item.url)

    def item_pubdate(self, item: ArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item: ArticlePage) -> str:
        return ", ".join(author.name for author in item.authors)

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [item.get_parent().title, *(tag.name for tag in item.tags.all())]

    def _enclosure(self, item: ArticlePage):
        return item.lead_image.get_rendition(ENCLOSURE_SPEC) if item.lead_image else None

    def item_enclosure_url(self, item: ArticlePage):
        rendition = self._enclosure(item)
        return self.request.build_absolute_uri(rendition.url) if rendition else None

    def item_enclosure_length(self, item: ArticlePage):
        rendition = self._enclosure(item)
        return rendition.file.size if rendition else None

    def item_enclosure_mime_type(self, item: ArticlePage):
        return "image/jpeg" if item.lead_image else None

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        if not settings.NEWSDESK_FEEDS_FULL_TEXT:
            return {}
        full = article_full_html(item, self.request.build_absolute_uri)
        return {"full_text": full, "plain_text": _plain(full)}


def _plain(html: str) -> str:
    return strip_tags(html.replace("</p>", "</p>\n")).strip()


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class YandexFeed(ArticlesFeed):
    """Yandex News / Dzen: the full text is required there, whatever the setting says."""

    feed_type = YandexRssFeed

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        full = article_full_html(item, self.request.build_absolute_uri)
        return {"plain_text": _plain(full)}


class SectionFeed(ArticlesFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(SectionPage.objects.live(), slug=slug, locale__language_code="ru")

    def link(self, obj) -> str:
        return obj.url

    def articles(self, obj):
        return articles_in_section(section=obj)


class AuthorFeed(ArticlesFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Author, slug=slug)

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def articles(self, obj):
        return articles_by_author(author=obj)


class TagFeed(ArticlesFeed):
    def get_object(self, request, slug: str):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("No such tag")
        return tag

    def link(self, obj) -> str:
        return reverse("news:tag", args=[obj.slug])

    def articles(self, obj):
        return articles_tagged(tag_slug=obj.slug)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description
