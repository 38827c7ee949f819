from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search of published articles with Russian morphology."""

    name = "newsdesk.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Keep the index in step with the site: every publish, unpublish, move and delete
        # enqueues a small reindex job for the worker.
        from . import signals

        signals.connect()
