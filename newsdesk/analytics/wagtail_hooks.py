"""Admin: the dashboards' URLs, a menu item and a button on each article's edit screen."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import admin_urls


@hooks.register("register_admin_urls")
def analytics_admin_urls():
    return [path("analytics/", include(admin_urls, namespace="analytics"))]


@hooks.register("register_admin_menu_item")
def analytics_menu_item():
    return MenuItem(_("Readership"), reverse("analytics:dashboard"), icon_name="view", order=250)


@hooks.register("register_page_header_buttons")
def analytics_page_button(page, user, view_name, next_url=None):
    from newsdesk.news.models import ArticlePage

    if isinstance(page.specific_deferred, ArticlePage) or page.specific_class is ArticlePage:
        yield Button(
            _("Readership figures"),
            reverse("analytics:article", args=[page.id]),
            icon_name="view",
            priority=90,
        )
