"""A reader subscribes from an article page in Chromium, with and without JavaScript."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from newsdesk.news.tests.factories import article_make
from newsdesk.subscriptions.models import Subscriber
from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_reader_subscribes_and_confirms(live_site, page, nojs_page, javascript, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    base_url, _home, sections = live_site
    settings.WAGTAILADMIN_BASE_URL = base_url
    story = article_make(sections["city"], slug="podpiska")
    tab = page if javascript else nojs_page
    tab.goto(base_url + story.url)
    block = tab.get_by_role("region", name="Узнавайте обо всем первыми")
    block.get_by_label("E-mail").fill("chitatel@example.kz")
    block.get_by_role("button", name="Подписаться").click()
    expect(tab.get_by_role("heading", name="Почти готово")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    if javascript:
        assert axe_violations(tab) == []

    [message] = mail.outbox
    confirm_url = next(line for line in message.body.splitlines() if "/subscribe/confirm/" in line)
    tab.goto(confirm_url.strip())
    tab.get_by_role("button", name="Подтвердить подписку").click()
    expect(tab.get_by_role("heading", name="Подписка подтверждена")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
