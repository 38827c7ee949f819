"""``manage.py import_plaintext FILE --section SLUG``: publish an old page from its text."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from newsdesk.news.importers.pages import article_from_plaintext
from newsdesk.news.importers.plaintext import PlainTextImportError
from newsdesk.news.models import SectionPage


class Command(BaseCommand):
    help = "Import the plain-text view of an old reader page as a published article."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--section", required=True, help="Slug of the target section.")
        parser.add_argument("--source-name", default="")
        parser.add_argument("--source-url", default="")

    def handle(self, *args, file: Path, section: str, source_name: str, source_url: str, **options):
        target = SectionPage.objects.filter(slug=section).first()
        if target is None:
            raise CommandError(f"No section with slug {section!r}.")
        try:
            article = article_from_plaintext(
                text=file.read_text(encoding="utf-8"),
                section=target,
                source_name=source_name,
                source_url=source_url,
            )
        except (OSError, PlainTextImportError, ValidationError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Imported «{article.title}» at {article.url}")
