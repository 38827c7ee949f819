"""URLs: the admin, reader pages in three languages (Russian without a prefix), media."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

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

# A path without a language prefix is always Russian, so a page's HTML never depends on
# the Accept-Language header and can be cached whole.
urlpatterns += i18n_patterns(
    path("", include("newsdesk.subscriptions.urls")),
    path("", include("newsdesk.reader.urls")),
    path("", include("newsdesk.news.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
