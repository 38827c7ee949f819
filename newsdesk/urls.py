"""URLs: the admin, reader pages in three languages (Russian without a prefix), media."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsdesk.news import views as news_views
from newsdesk.news.sitemaps import SITEMAPS

# Wagtail's reader URLs, with its page view swapped for ours (same name, same pattern).
READER_PAGE_URLS = [
    *(url for url in wagtail_urls.urlpatterns if getattr(url, "name", "") != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, news_views.serve, name="wagtail_serve"),
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("newsdesk.analytics.urls")),
]

if settings.NEWSDESK_SERVE_MEDIA:
    # Uploaded files and renditions never change under the same name: cache them long.
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>.*)$",
            cache_control(public=True, max_age=30 * 24 * 3600)(serve),
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns.append(path("api/v1/", include("newsdesk.api.urls")))

# Crawler files live at the site root, outside the language prefixes.
urlpatterns += [
    path("robots.txt", news_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"},
        name="sitemap_index",
    ),
    path("sitemap-news.xml", news_views.news_sitemap, name="sitemap_news"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

# A path without a language prefix is always Russian, so a page's HTML never depends on
# the Accept-Language header and can be cached whole.
urlpatterns += i18n_patterns(
    path("", include("newsdesk.subscriptions.urls")),
    path("", include("newsdesk.reader.urls")),
    path("", include("newsdesk.news.urls")),
    path("search/", include("newsdesk.search.urls")),
    path("", include(READER_PAGE_URLS)),
    prefix_default_language=False,
)
