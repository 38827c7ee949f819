"""Playwright with Debian's Chromium (never a downloaded browser) against pytest-django's
live server."""

import os

import pytest

# The live server runs in a thread while Playwright's sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ru-RU", "viewport": {"width": 412, "height": 900}}


@pytest.fixture
def nojs_page(browser, browser_context_args):
    """A page in a browser context with JavaScript switched off."""
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def live_site(transactional_db, live_server):
    """A site tree in the live server's database; returns (base URL, home, sections)."""
    from newsdesk.news.tests.factories import site_tree_create

    home, sections = site_tree_create()
    return live_server.url, home, sections
