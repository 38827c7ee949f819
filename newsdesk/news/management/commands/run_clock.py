"""Enqueue periodic jobs for the task worker: a tiny clock, so no cron is needed."""

import time

from django.core.management.base import BaseCommand

from newsdesk.news.tasks import publish_scheduled_pages


class Command(BaseCommand):
    help = "Enqueue the scheduled-publishing job every INTERVAL seconds (default 60)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true", help="Enqueue once and exit.")

    def handle(self, *args, interval: int, once: bool, **options):
        while True:
            publish_scheduled_pages.enqueue()
            if once:
                return
            time.sleep(interval)
