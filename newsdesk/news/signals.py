"""Signal handlers of the newsroom: image renditions are made by the worker, not readers.

Each handler only enqueues a task with an id; the worker reads the current state.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.signals import page_published

from .models import ArticlePage


def article_published(sender, instance, **kwargs) -> None:
    """An article went live (or live again): make the renditions its readers will ask for."""
    if not settings.NEWSDESK_RENDITIONS_ON_PUBLISH:
        return
    from .tasks import article_renditions_make

    article_renditions_make.enqueue(instance.pk)


def image_saved(sender, instance, created: bool, **kwargs) -> None:
    """A photo was edited: remake its renditions where it is shown (a new upload is not)."""
    if created or not settings.NEWSDESK_RENDITIONS_ON_PUBLISH:
        return
    from .tasks import image_renditions_make

    image_renditions_make.enqueue(instance.pk)


def connect() -> None:
    """Connect the handlers (called once from ``NewsConfig.ready``)."""
    uid = "newsdesk.news"
    page_published.connect(article_published, sender=ArticlePage, dispatch_uid=f"{uid}.pub")
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid=f"{uid}.image")
