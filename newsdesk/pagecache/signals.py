"""Purge receivers: publish, unpublish, delete and move of pages; author, tag, settings saves."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from newsdesk.core.models import NewsImage
from newsdesk.news.models import ArticlePage, ArticlePageAuthor, ArticlePageTag
from newsdesk.people.models import Author

from . import selectors, services

# Paths collected before a delete or move, purged (again) once it has happened.
_pending: dict[tuple[str, int], set[str] | None] = {}


def page_affected_paths(page: Page) -> set[str] | None:
    """Paths that show a page; None means every page (sections and home: navigation)."""
    page = page.specific
    if isinstance(page, ArticlePage):
        return selectors.article_paths(article=page)
    if page.depth <= 3:  # the front page or a section: every page's navigation shows it
        return None
    path = selectors.page_path(page)
    return {path} if path else set()


def purge(paths: set[str] | None) -> None:
    """Purge the given paths, or the whole site for None."""
    if paths is None:
        services.site_purge()
    elif paths:
        services.paths_purge(paths=paths)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance: Page, **kwargs) -> None:
    """A page went live, was republished after an edit, or was taken down."""
    purge(page_affected_paths(instance))


@receiver(pre_delete)
def page_deleting(sender, instance, **kwargs) -> None:
    """Collect what a live page shows up on while its bylines and tags still exist."""
    if isinstance(instance, Page) and instance.live:
        _pending[("delete", instance.pk)] = page_affected_paths(instance)


@receiver(post_delete)
def content_deleted(sender, instance, **kwargs) -> None:
    """Purge after a page delete; a byline or tag removed by a publish purges its page."""
    if isinstance(instance, Page):
        key = ("delete", instance.pk)
        if key in _pending:
            purge(_pending.pop(key))
    elif isinstance(instance, PageViewRestriction):
        services.site_purge()  # pages under it may be cached again; routing re-checks
    elif isinstance(instance, ArticlePageAuthor):
        slug = Author.objects.filter(pk=instance.author_id).values_list("slug", flat=True).first()
        if slug and ArticlePage.objects.filter(pk=instance.page_id, live=True).exists():
            purge(selectors.named_url_paths("news:author", slug))
    elif isinstance(instance, ArticlePageTag):
        # The tag itself may be going too (a cascade): look its slug up, do not follow it.
        slug = Tag.objects.filter(pk=instance.tag_id).values_list("slug", flat=True).first()
        if slug and ArticlePage.objects.filter(pk=instance.content_object_id, live=True).exists():
            purge(selectors.named_url_paths("news:tag", slug))


@receiver(pre_page_move)
def page_moving(sender, instance: Page, **kwargs) -> None:
    """Purge where a live page is shown before it moves (its old path and section)."""
    if instance.live:
        paths = page_affected_paths(instance)
        _pending[("move", instance.pk)] = paths
        purge(paths)


@receiver(post_page_move)
def page_moved(sender, instance: Page, **kwargs) -> None:
    """Purge the old places again (after the move) and the new path and section."""
    old = _pending.pop(("move", instance.pk), set())
    if not instance.live:
        return
    new = page_affected_paths(Page.objects.get(pk=instance.pk))
    purge(None if old is None or new is None else old | new)


@receiver(post_save)
def content_saved(sender, instance, created: bool = False, **kwargs) -> None:
    """Authors, tags, site settings, sites and privacy change what cached pages show."""
    if isinstance(instance, PageViewRestriction):
        # A page (and its subtree) just became private: no public copy may be served.
        services.site_purge()
    elif isinstance(instance, Author):
        if not created:
            services.fragments_purge()
            purge(selectors.author_paths(author=instance))
    elif isinstance(instance, Tag):
        if not created:
            services.fragments_purge()
            purge(selectors.tag_paths(tag=instance))
    elif isinstance(instance, NewsImage):
        if not created:  # a new upload shows nowhere yet; an edited photo may show anywhere
            services.fragments_purge()
            services.site_purge()
    # Settings rows are created empty on first read, while a page renders: that changes
    # nothing shown, and purging then would drop the page being stored.
    elif isinstance(instance, BaseSiteSetting | BaseGenericSetting | Site) and not (
        created and isinstance(instance, BaseSiteSetting | BaseGenericSetting)
    ):
        services.site_purge()
