"""Background jobs of the newsroom, run by the task worker (``manage.py db_worker``)."""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages() -> None:
    """Publish pages whose scheduled time has come and unpublish expired ones.

    Enqueued every minute by ``manage.py run_clock``; Wagtail's own command does the work.
    """
    call_command("publish_scheduled")
