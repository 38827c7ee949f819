from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Accounts and the newsroom's authors."""

    name = "newsdesk.people"
    label = "people"
    verbose_name = _("People")
