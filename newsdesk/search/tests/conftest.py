"""The project's browser fixtures (Debian Chromium, live site) for this app's browser test."""

from tests.browser.conftest import (  # noqa: F401
    browser_context_args,
    browser_type_launch_args,
    live_site,
    nojs_page,
)
