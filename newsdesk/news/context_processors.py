"""Navigation shown on every reader page."""

from django.http import HttpRequest
from wagtail.models import Locale

from .selectors import sections_for_navigation


def navigation(request: HttpRequest) -> dict:
    """Sections of the current language for the header menu (lazy: admin pages skip the query)."""

    def sections():
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            return []
        return sections_for_navigation(locale=locale)

    return {"nav_sections": sections}
