"""Signal handlers that keep the index following the site.

Each handler only enqueues ``search_index_page`` with a page id: the worker reads the page's
current state, so the order and number of signals do not matter. With the database task
queue the job row commits together with the publish, so the worker never sees it early.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from newsdesk.news.models import ArticlePage, SectionPage


def _enqueue(page_ids) -> None:
    from .tasks import search_index_page

    for page_id in page_ids:
        search_index_page.enqueue(page_id)


def _articles_below(page: Page) -> list[int]:
    return list(ArticlePage.objects.descendant_of(page).values_list("pk", flat=True))


def article_changed(sender, instance, **kwargs) -> None:
    """An article was published, unpublished, moved or deleted: reindex it."""
    _enqueue([instance.pk])


def section_changed(sender, instance, **kwargs) -> None:
    """A section was (re)published or moved: its title and URL show in its articles' results."""
    _enqueue(_articles_below(instance))


def restriction_changed(sender, instance, **kwargs) -> None:
    """A page became private or public again: only public articles may be found."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        ids = _articles_below(page)
        if page.specific_class is ArticlePage:
            ids.append(page.pk)
        _enqueue(ids)


def connect() -> None:
    """Connect the handlers (called once from ``SearchConfig.ready``)."""
    uid = "newsdesk.search"
    page_published.connect(article_changed, sender=ArticlePage, dispatch_uid=f"{uid}.pub")
    page_unpublished.connect(article_changed, sender=ArticlePage, dispatch_uid=f"{uid}.unpub")
    post_page_move.connect(article_changed, sender=ArticlePage, dispatch_uid=f"{uid}.moved")
    post_delete.connect(article_changed, sender=ArticlePage, dispatch_uid=f"{uid}.deleted")
    page_published.connect(section_changed, sender=SectionPage, dispatch_uid=f"{uid}.section")
    post_page_move.connect(section_changed, sender=SectionPage, dispatch_uid=f"{uid}.s_moved")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}.r1")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}.r2")
