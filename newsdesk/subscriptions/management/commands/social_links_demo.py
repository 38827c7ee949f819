"""``manage.py social_links_demo``: example social links for the demo site (demo mode only)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site

from newsdesk.subscriptions.models import SocialLinks

DEMO_LINKS = {
    "instagram": "https://www.instagram.com/newsdesk.example/",
    "telegram": "https://t.me/newsdesk_example",
    "youtube": "https://www.youtube.com/@newsdesk-example",
}


class Command(BaseCommand):
    help = "Fill in example social links in demo mode, where none are set yet."

    def handle(self, *args, **options):
        if not settings.NEWSDESK_DEMO:
            self.stdout.write("Not in demo mode: social links left as they are.")
            return
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return
        links = SocialLinks.for_site(site)
        if not links.links():
            for field, url in DEMO_LINKS.items():
                setattr(links, field, url)
            links.save()
        self.stdout.write("Demo social links are set.")
