"""Move finished WAL segments into the database and rebuild the hours they touched."""

import time

from django.core.management.base import BaseCommand

from newsdesk.analytics.services import analytics_flush_all


class Command(BaseCommand):
    help = "Flush the analytics write-ahead log into the database and update the rollups."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            default=0,
            help="Keep flushing every SECONDS (a flusher process instead of worker jobs).",
        )

    def handle(self, *args, every: float, **options):
        while True:
            stored = analytics_flush_all()
            if not every:
                self.stdout.write(f"{stored} events stored")
                return
            time.sleep(every)
