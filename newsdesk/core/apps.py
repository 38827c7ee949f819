from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Custom image model and the StreamField blocks every content app shares."""

    name = "newsdesk.core"
    label = "core"
    verbose_name = _("Core")
