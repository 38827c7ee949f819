"""URLs: the admin, reader pages in three languages (Russian without a prefix), media."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.NEWSDESK_SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# A path without a language prefix is always Russian, so a page's HTML never depends on
# the Accept-Language header and can be cached whole.
urlpatterns += i18n_patterns(
    path("", include("newsdesk.news.urls")),
    path("search/", include("newsdesk.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
