"""Template helpers for the reader widgets."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from newsdesk.reader.services import streak_phrase

register = template.Library()

# A number for each plural category the browser's Intl.PluralRules may name; the page
# carries the phrase for each, so the script picks the right form without a catalogue.
PLURAL_SAMPLES = {"one": 1, "few": 2, "many": 5, "other": 2}


@register.simple_tag
def streak_forms() -> SafeString:
    """data-* attributes with the streak phrase in each plural form, N shown as {n}."""
    return format_html_join(
        " ",
        'data-{}="{}"',
        (
            (category, streak_phrase(sample).replace(str(sample), "{n}", 1))
            for category, sample in PLURAL_SAMPLES.items()
        ),
    )


@register.simple_tag
def bookmark_icon() -> SafeString:
    """The bookmark button's icon, for use inside translated sentences."""
    return mark_safe(render_to_string("reader/icon_bookmark.html").strip())  # noqa: S308


@register.simple_tag
def site_time_zone() -> str:
    """The newsroom's time zone, in which a reading day starts and ends."""
    from django.conf import settings

    return settings.TIME_ZONE
