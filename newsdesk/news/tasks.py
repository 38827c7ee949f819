"""Background jobs of the newsroom, run by the task worker (``manage.py db_worker``)."""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages() -> None:
    """Publish pages whose scheduled time has come and unpublish expired ones.

    Enqueued every minute by ``manage.py run_clock``; Wagtail's own command does the work.
    """
    call_command("publish_scheduled")


@task()
def article_renditions_make(page_id: int) -> int:
    """Make every image rendition a just-published article's readers will ask for."""
    from .models import ArticlePage
    from .renditions import article_renditions_prepare

    article = ArticlePage.objects.live().filter(pk=page_id).first()
    return article_renditions_prepare(article) if article is not None else 0


@task()
def image_renditions_make(image_id: int) -> int:
    """Remake the renditions readers see of an edited photo."""
    from wagtail.images import get_image_model

    from .renditions import image_renditions_prepare

    image = get_image_model().objects.filter(pk=image_id).first()
    return image_renditions_prepare(image) if image is not None else 0
