from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public, read-only JSON API (v1) with its OpenAPI document."""

    name = "newsdesk.api"
    label = "api"
    verbose_name = _("Public API")
