from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagecacheConfig(AppConfig):
    name = "newsdesk.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self) -> None:
        # Connect the purge receivers (publish, unpublish, delete, move, author/tag saves).
        from . import signals  # noqa: F401
