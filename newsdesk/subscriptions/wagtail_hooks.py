"""Subscribers in the admin: a list with filters, the count on the dashboard, CSV export."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["email", "status", "created_at", "confirmed_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    list_export = ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    export_filename = "subscribers"


register_snippet(SubscriberViewSet)


class SubscriberSummaryItem(SummaryItem):
    """The number of confirmed subscribers on the admin dashboard."""

    order = 400
    template_name = "subscriptions/admin/summary_item.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count()
        return context


@hooks.register("construct_homepage_summary_items")
def add_subscriber_summary(request, items):
    items.append(SubscriberSummaryItem(request))
