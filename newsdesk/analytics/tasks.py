"""Background jobs of analytics, run by the task worker (``manage.py db_worker``)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def analytics_flush() -> int:
    """Move finished WAL segments into the database (enqueued every few seconds)."""
    return services.wal_flush()[0]


@task()
def analytics_rollup(hours: int = 3) -> int:
    """Flush finished WAL segments and rebuild the rollups of the last ``hours`` hours."""
    services.wal_flush()
    return services.rollups_build(since=timezone.now() - timedelta(hours=hours))


@task()
def analytics_cleanup() -> list[int]:
    """Apply the raw-event retention period and drop old visitor salts."""
    return list(services.events_purge())
