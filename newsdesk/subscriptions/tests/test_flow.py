"""Subscribe → confirm → digest → unsubscribe, through the file e-mail backend, reading the
real messages the way a mail client would."""

import email
import re
from datetime import datetime, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings

from newsdesk.news.tests.factories import article_make
from newsdesk.subscriptions.models import DigestDelivery, Subscriber
from newsdesk.subscriptions.tasks import digest_send_due

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture
def mailbox(tmp_path, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"

    def read() -> list[email.message.EmailMessage]:
        messages = []
        for path in sorted(Path(tmp_path).glob("*.log")):
            # The file backend separates messages with a line of 79 dashes.
            for chunk in path.read_bytes().split(b"-" * 79):
                if chunk.strip():
                    messages.append(email.message_from_bytes(chunk.strip(), policy=policy.default))
        return messages

    return read


def link_in(message, pattern: str) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(rf"http://testserver(/{pattern}/[^\s]+/)", body).group(1)


def test_subscribe_confirm_digest_unsubscribe(client, site_tree, mailbox):
    _home, sections = site_tree
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)):
        response = client.post("/subscribe/", {"email": "Reader@Example.KZ"}, **SAME_ORIGIN)
        assert response.status_code == 202
        assert "Проверьте почту" in response.content.decode()
    [confirmation] = mailbox()
    assert confirmation["To"] == "Reader@example.kz"
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        str(confirmation["List-Unsubscribe"]).strip().startswith("<http://testserver/unsubscribe/")
    )

    confirm_path = link_in(confirmation, "subscribe/confirm")
    with time_machine.travel(datetime(2026, 3, 2, 12, 30, tzinfo=ALMATY)):
        page = client.get(confirm_path)  # what a mail scanner does: nothing changes
        assert page.status_code == 200 and 'method="post"' in page.content.decode()
        assert Subscriber.objects.get().status == Subscriber.Status.PENDING
        assert client.post(confirm_path).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    with time_machine.travel(datetime(2026, 3, 2, 18, 0, tzinfo=ALMATY)):
        fresh = article_make(
            sections["city"], title="Фонтаны в парке включат в мае", slug="fontany"
        )
    with time_machine.travel(datetime(2026, 3, 3, 7, 59, tzinfo=ALMATY)):
        assert digest_send_due.enqueue().return_value == 0  # before the send hour
    with time_machine.travel(datetime(2026, 3, 3, 8, 1, tzinfo=ALMATY)):
        assert digest_send_due.enqueue().return_value == 1
        assert digest_send_due.enqueue().return_value == 0  # once a day
    digest = mailbox()[-1]
    assert fresh.title in digest.get_body(preferencelist=("plain",)).get_content()
    assert fresh.title in digest.get_body(preferencelist=("html",)).get_content()
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestDelivery.objects.count() == 1

    # One-click unsubscribe as RFC 8058 mail clients do it: a POST without a CSRF token.
    unsubscribe_url = re.search(r"<http://testserver([^>]+)>", digest["List-Unsubscribe"]).group(1)
    response = client.post(unsubscribe_url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    with time_machine.travel(datetime(2026, 3, 4, 9, 0, tzinfo=ALMATY)):
        article_make(sections["city"], title="Ещё одна новость города", slug="eshche")
        assert digest_send_due.enqueue().return_value == 0


def test_digest_follows_the_chosen_sections(client, site_tree, mailbox):
    _home, sections = site_tree
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)):
        client.post(
            "/subscribe/",
            {"email": "sport@example.kz", "section": [sections["sport"].pk]},
            **SAME_ORIGIN,
        )
        client.post(link_in(mailbox()[0], "subscribe/confirm"))
        article_make(sections["city"], title="Городская новость дня", slug="city-news")
        article_make(sections["sport"], title="Спортивная новость дня", slug="sport-news")
    with time_machine.travel(datetime(2026, 3, 3, 9, 0, tzinfo=ALMATY)):
        assert digest_send_due.enqueue().return_value == 1
    text = mailbox()[-1].get_body(preferencelist=("plain",)).get_content()
    assert "Спортивная новость дня" in text and "Городская новость дня" not in text


def test_repeat_subscribe_is_idempotent_and_mails_at_most_hourly(client, site_tree, mailbox):
    start = datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)
    with time_machine.travel(start):
        for _ in range(3):
            client.post("/subscribe/", {"email": "twice@example.kz"}, **SAME_ORIGIN)
    assert Subscriber.objects.count() == 1 and len(mailbox()) == 1
    with time_machine.travel(start + timedelta(minutes=61)):
        client.post("/subscribe/", {"email": "TWICE@example.kz"}, **SAME_ORIGIN)
    assert Subscriber.objects.count() == 1 and len(mailbox()) == 2


def test_confirmed_and_new_addresses_get_the_same_answer(client, site_tree, mailbox):
    Subscriber.objects.create(email="known@example.kz", status=Subscriber.Status.CONFIRMED)
    known = client.post("/subscribe/", {"email": "known@example.kz"}, **SAME_ORIGIN)
    new = client.post("/subscribe/", {"email": "new@example.kz"}, **SAME_ORIGIN)
    assert known.status_code == new.status_code == 202
    assert known.content == new.content
    assert [m["To"] for m in mailbox()] == ["new@example.kz"]


@override_settings(NEWSDESK_DIGEST_HOUR=8)
def test_expired_and_tampered_links_are_refused(client, site_tree, mailbox):
    start = datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY)
    with time_machine.travel(start):
        client.post("/subscribe/", {"email": "late@example.kz"}, **SAME_ORIGIN)
    confirm_path = link_in(mailbox()[0], "subscribe/confirm")
    tampered = confirm_path.replace(confirm_path.split("/")[3][:6], "AAAAAA", 1)
    assert client.post(tampered).status_code == 400
    with time_machine.travel(start + timedelta(days=4)):
        response = client.post(confirm_path)
    assert response.status_code == 400
    assert "Срок действия ссылки истёк" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
