"""The subscription pages pass the Nu HTML checker."""

import pytest
from django.utils import timezone

from newsdesk.news.tests.factories import article_make
from newsdesk.subscriptions.models import SocialLinks, Subscriber
from newsdesk.subscriptions.services import confirm_token, unsubscribe_token
from tests.html_validation import vnu_errors

pytestmark = pytest.mark.django_db


def test_subscription_pages_are_valid_html(client, site_tree, tmp_path):
    from wagtail.models import Site

    links = SocialLinks.for_site(Site.objects.get(is_default_site=True))
    links.telegram = "https://t.me/newsdesk_example"
    links.save()
    story = article_make(site_tree[1]["city"], slug="valid")
    subscriber = Subscriber.objects.create(
        email="v@example.kz", confirmation_sent_at=timezone.now()
    )
    same = {"HTTP_SEC_FETCH_SITE": "same-origin"}
    pages = {
        "article": client.get(story.url),
        "subscribe": client.get("/subscribe/"),
        "subscribe-error": client.post("/subscribe/", {"email": "bad"}, **same),
        "subscribe-done": client.post("/subscribe/", {"email": "ok@example.kz"}, **same),
        "confirm": client.get(f"/subscribe/confirm/{confirm_token(subscriber)}/"),
        "confirmed": client.post(f"/subscribe/confirm/{confirm_token(subscriber)}/"),
        "unsubscribe": client.get(f"/unsubscribe/{unsubscribe_token(subscriber)}/"),
        "link-error": client.get("/unsubscribe/broken/"),
    }
    assert vnu_errors({k: r.content.decode() for k, r in pages.items()}, tmp_path) == []
