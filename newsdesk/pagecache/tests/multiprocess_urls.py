"""The site's URLs plus endpoints the multi-process test drives (never in production)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from newsdesk.core.http import rate_limit_hit, too_many_requests
from newsdesk.news.models import ArticlePage
from newsdesk.urls import urlpatterns as site_urlpatterns


@csrf_exempt
def republish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a new revision with the posted title, as an editor would in the admin."""
    article = ArticlePage.objects.get(pk=pk)
    article.title = request.POST["title"]
    article.save_revision().publish()
    return JsonResponse({"ok": True})


def limited(request: HttpRequest, key: str) -> HttpResponse:
    """Three requests per minute per key, counted in the shared cache."""
    retry_after = rate_limit_hit(scope="multiprocess-test", key=key, limit=3, window=60)
    if retry_after:
        return too_many_requests(retry_after)
    return JsonResponse({"ok": True})


def session_set(request: HttpRequest) -> HttpResponse:
    request.session["colour"] = request.GET["colour"]
    return JsonResponse({"ok": True})


def session_get(request: HttpRequest) -> HttpResponse:
    response = JsonResponse({"colour": request.session.get("colour")})
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path("_test/republish/<int:pk>/", republish),
    path("_test/limited/<str:key>/", limited),
    path("_test/session/set/", session_set),
    path("_test/session/get/", session_get),
    *site_urlpatterns,
]
