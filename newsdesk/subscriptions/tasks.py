"""Newsletter jobs for the task worker."""

from django_tasks import task

from .services import digest_due, digest_send


@task()
def digest_send_due() -> int:
    """Send today's digest once the send hour has passed; enqueued every minute by run_clock.

    Deliveries are recorded per subscriber and day, so running it again sends nothing twice.
    """
    day = digest_due()
    return digest_send(day=day) if day else 0
