from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    """What a reader keeps: bookmarks, the reading streak, and an optional account."""

    name = "newsdesk.reader"
    label = "reader"
    verbose_name = _("Readers")
