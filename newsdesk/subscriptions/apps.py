from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """Newsletter with double opt-in, the daily digest, and the site's social links."""

    name = "newsdesk.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")
