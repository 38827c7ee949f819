"""``manage.py load_demo``: the demo newsroom and the reference article (idempotent)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from newsdesk.news.demo import demo_editor_ensure, demo_load


class Command(BaseCommand):
    help = "Load demo sections, authors and articles, and import the reference page if present."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            type=Path,
            default=settings.NEWSDESK_SEED_PAGE,
            help="Plain-text reference page to import (default: NEWSDESK_SEED_PAGE).",
        )

    def handle(self, *args, seed: Path, **options):
        counts = demo_load(seed_path=seed)
        self.stdout.write(
            f"Demo content ready: {counts['articles_created']} new articles; "
            f"reference article {'present' if counts['reference'] else 'skipped (no seed file)'}."
        )
        if settings.NEWSDESK_DEMO:
            sign_in = demo_editor_ensure(credentials_path=settings.DATA_DIR / "demo-editor.txt")
            self.stdout.write(f"Demo editor for /admin/: {sign_in}")
