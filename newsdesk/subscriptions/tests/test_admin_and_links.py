"""Editors see subscribers and export them; social links come from the site settings."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from newsdesk.subscriptions.models import SocialLinks, Subscriber

pytestmark = pytest.mark.django_db


def test_editors_export_subscribers_as_csv_and_see_the_count(client, admin_user, site_tree):
    Subscriber.objects.create(email="one@example.kz", status=Subscriber.Status.CONFIRMED)
    Subscriber.objects.create(email="two@example.kz")
    client.force_login(admin_user)
    export = client.get("/admin/snippets/subscriptions/subscriber/?export=csv")
    assert export.status_code == 200
    content = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "one@example.kz" in content and "two@example.kz" in content
    dashboard = client.get("/admin/").content.decode()
    assert "подписчик" in dashboard


def test_social_links_show_in_footer_and_block_with_accessible_names(client, site_tree):
    links = SocialLinks.for_site(Site.objects.get(is_default_site=True))
    links.instagram = "https://www.instagram.com/newsdesk.example/"
    links.telegram = "https://t.me/newsdesk_example"
    links.save()
    from newsdesk.news.tests.factories import article_make

    story = article_make(site_tree[1]["city"], slug="with-links")
    html = client.get(story.url).content.decode()
    assert html.count('href="https://t.me/newsdesk_example"') == 2  # block and footer
    assert 'aria-label="Newsdesk в Instagram"' in html
    assert "Узнавайте обо всем первыми" in html
    assert (
        "Подпишитесь и узнавайте о свежих новостях Казахстана, фото, видео и других эксклюзивах"
        in html
    )


def test_demo_social_links_only_in_demo_mode(site_tree, settings):
    settings.NEWSDESK_DEMO = False
    call_command("social_links_demo")
    assert not SocialLinks.for_site(Site.objects.get(is_default_site=True)).links()
    settings.NEWSDESK_DEMO = True
    call_command("social_links_demo")
    assert len(SocialLinks.for_site(Site.objects.get(is_default_site=True)).links()) == 3
