"""Reader endpoints: bookmark buttons, «Закладки», reading days, sign-in.

Article pages are cached whole and identical for everyone, so the bookmark forms on them
carry no CSRF token: these endpoints check the request's origin instead and are
rate-limited per IP and per reader. Personal pages are never cached.
"""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsdesk.core.http import client_ip, rate_limit_hit, same_origin_required, too_many_requests

from . import services
from .forms import SignInForm
from .identity import reader_cookie_set, reader_ensure, reader_from_request

WRITE_LIMIT_PER_IP = (120, 60)  # requests, seconds
WRITE_LIMIT_PER_READER = (60, 60)
SIGNIN_LIMIT_PER_IP = (5, 600)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _limited(request: HttpRequest, scope: str, reader_key: str | None = None) -> int:
    limit, window = WRITE_LIMIT_PER_IP
    wait = rate_limit_hit(scope=f"{scope}:ip", key=client_ip(request), limit=limit, window=window)
    if not wait and reader_key:
        limit, window = WRITE_LIMIT_PER_READER
        wait = rate_limit_hit(scope=f"{scope}:reader", key=reader_key, limit=limit, window=window)
    return wait


@never_cache
@csrf_exempt
@same_origin_required
@require_POST
def bookmark_toggle(request: HttpRequest, article_id: int) -> HttpResponse:
    """Save or unsave an article. JSON for the script; a 303 to «Закладки» without JS."""
    existing = reader_from_request(request)
    wait = _limited(request, "bookmark", str(existing.pk) if existing else None)
    if wait:
        return too_many_requests(wait)
    article = services.article_live_get(article_id=article_id)
    if article is None:
        raise Http404(_("No such article."))
    reader, created = reader_ensure(request)
    if request.POST.get("action") == "remove":
        services.bookmark_remove(reader=reader, article_id=article.pk)
        saved = False
    else:
        saved = services.bookmark_toggle(reader=reader, article=article)
    if _wants_json(request):
        response = JsonResponse(
            {"article": article.pk, "bookmarked": saved, "title": article.title, "url": article.url}
        )
    else:
        response = HttpResponseRedirect(reverse("reader:bookmarks"), status=303)
    if created:
        reader_cookie_set(response, reader)
    return response


@never_cache
@require_GET
def bookmarks(request: HttpRequest) -> HttpResponse:
    """«Закладки»: the reader's saved articles, newest saved first."""
    reader = reader_from_request(request)
    return render(
        request, "reader/bookmarks.html", {"bookmarks": services.bookmarks_for(reader=reader)}
    )


@never_cache
@require_GET
def state(request: HttpRequest) -> JsonResponse:
    """What the script needs to personalise a cached page: saved ids and reading days."""
    reader = reader_from_request(request)
    saved = services.bookmarks_for(reader=reader)
    signed_in = bool(reader and reader.user_id)
    days = [d.isoformat() for d in services.reading_days(reader=reader)] if signed_in else []
    items = [{"id": b.article_id, "title": b.article.title, "url": b.article.url} for b in saved]
    return JsonResponse(
        {
            "bookmarks": [b.article_id for b in saved],
            "items": items,
            "signed_in": signed_in,
            "days": days,
        }
    )


@never_cache
@csrf_exempt
@same_origin_required
@require_POST
def read(request: HttpRequest) -> HttpResponse:
    """An article was read today: a signed-in reader's day is stored on the server."""
    reader = reader_from_request(request)
    if reader is None or not reader.user_id:
        return HttpResponse(status=204)  # anonymous days stay in the browser
    wait = _limited(request, "read", str(reader.pk))
    if wait:
        return too_many_requests(wait)
    services.reading_day_record(reader=reader, day=services.today_local())
    return HttpResponse(status=204)


@never_cache
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    """The reader's page: the account, the current and the longest streak."""
    reader = reader_from_request(request)
    context = {"reader": reader, "signed_in": bool(reader and reader.user_id)}
    if context["signed_in"]:
        days = services.reading_days(reader=reader)
        context["current"] = services.streak_current(days, services.today_local())
        context["longest"] = services.streak_longest(days)
        context["current_phrase"] = services.streak_phrase(context["current"])
    return render(request, "reader/profile.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    """Ask for a sign-in link by e-mail. The answer is the same for every address."""
    form = SignInForm(request.POST or None)
    if request.method == "POST":
        limit, window = SIGNIN_LIMIT_PER_IP
        wait = rate_limit_hit(scope="signin", key=client_ip(request), limit=limit, window=window)
        if wait:
            return too_many_requests(wait)
        if form.is_valid():
            services.signin_link_send(
                email=form.cleaned_data["email"], base_url=request.build_absolute_uri("/")
            )
            return render(request, "reader/signin_sent.html")
        return render(request, "reader/signin.html", {"form": form}, status=400)
    return render(request, "reader/signin.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def signin_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: a page whose button signs in (a GET changes nothing)."""
    try:
        if request.method == "GET":
            services.signin_email_check(token=token)
            return render(request, "reader/signin_confirm.html")
        browser_days = services.parse_days(
            request.POST.get("days", ""), today=services.today_local()
        )
        anonymous = reader_from_request(request)
        user = services.signin_complete(token=token, anonymous=anonymous, browser_days=browser_days)
    except services.SignInError as error:
        return render(request, "reader/signin_error.html", {"error": error}, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(reverse("reader:profile"), status=303)


@never_cache
@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    """Sign out; the account keeps its bookmarks and reading days."""
    logout(request)
    return HttpResponseRedirect(reverse("reader:profile"), status=303)
