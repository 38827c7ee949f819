"""``manage.py search_reindex``: rebuild the search index from every live, public article."""

from django.core.management.base import BaseCommand

from newsdesk.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every live, public article."

    def handle(self, *args, **options):
        count = search_index_rebuild()
        self.stdout.write(f"Indexed {count} articles.")
