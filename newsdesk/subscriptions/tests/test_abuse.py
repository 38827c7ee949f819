"""Bad input and abuse: clear messages, nothing stored, cross-site and flood protection."""

import pytest

from newsdesk.subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "Введите адрес электронной почты."),
        ("not-an-address", "Введите правильный адрес электронной почты."),
        ("a" * 250 + "@example.kz", "Этот адрес слишком длинный."),
    ],
)
def test_invalid_email_gets_a_russian_message_and_nothing_is_stored(
    client, site_tree, address, message, mailoutbox
):
    page = client.post("/subscribe/", {"email": address}, **SAME_ORIGIN)
    assert page.status_code == 400
    assert message in page.content.decode()
    api = client.post(
        "/subscribe/", {"email": address}, HTTP_ACCEPT="application/json", **SAME_ORIGIN
    )
    assert api.status_code == 400 and api.json()["error"] == message
    assert not Subscriber.objects.exists() and not mailoutbox


def test_cross_site_subscribe_is_refused(client, site_tree, mailoutbox):
    response = client.post(
        "/subscribe/", {"email": "x@example.kz"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_flood_from_one_address_gets_429_with_retry_after(client, site_tree, mailoutbox):
    codes = [
        client.post("/subscribe/", {"email": f"r{n}@example.kz"}, **SAME_ORIGIN).status_code
        for n in range(7)
    ]
    assert codes[:5] == [202] * 5
    assert codes[5] == 429
    response = client.post("/subscribe/", {"email": "late@example.kz"}, **SAME_ORIGIN)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert Subscriber.objects.count() == 5


def test_subscribe_page_and_token_pages_are_never_cached(client, site_tree):
    assert "no-store" in client.get("/subscribe/")["Cache-Control"]
    assert "no-store" in client.get("/unsubscribe/bad-token/")["Cache-Control"]
    assert client.get("/unsubscribe/bad-token/").status_code == 400


def test_get_on_a_token_link_changes_nothing(client, site_tree, mailoutbox):
    client.post("/subscribe/", {"email": "scan@example.kz"}, **SAME_ORIGIN)
    subscriber = Subscriber.objects.get()
    from newsdesk.subscriptions.services import unsubscribe_token

    client.get(f"/unsubscribe/{unsubscribe_token(subscriber)}/")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
