"""Move finished WAL segments into the database and rebuild the hours they touched."""

from django.core.management.base import BaseCommand

from newsdesk.analytics.services import analytics_flush_all


class Command(BaseCommand):
    help = "Flush the analytics write-ahead log into the database and update the rollups."

    def handle(self, *args, **options):
        stored = analytics_flush_all()
        self.stdout.write(f"{stored} events stored")
