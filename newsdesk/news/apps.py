from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """Articles, sections, tags and the home page: what the newsroom publishes."""

    name = "newsdesk.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from . import signals

        signals.connect()
