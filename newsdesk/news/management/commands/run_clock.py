"""Enqueue periodic jobs for the task worker: a tiny clock, so no cron is needed."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Enqueue the jobs in NEWSDESK_CLOCK_JOBS every INTERVAL seconds (default 60)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true", help="Enqueue once and exit.")

    def handle(self, *args, interval: int, once: bool, **options):
        # Jobs are named in settings so news does not import the apps that add jobs.
        jobs = [import_string(path) for path in settings.NEWSDESK_CLOCK_JOBS]
        while True:
            for job in jobs:
                job.enqueue()
            if once:
                return
            time.sleep(interval)
