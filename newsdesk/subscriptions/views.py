"""Subscribe form, confirmation and unsubscribe pages.

The subscribe form sits on cached pages and so carries no CSRF token: it is protected by
the same-origin check and rate limits. Confirmation and unsubscribe pages carry signed
tokens, are never cached, and act only on POST (mail scanners follow links with GET).
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsdesk.core.http import client_ip, rate_limit_hit, same_origin_required, too_many_requests
from newsdesk.news.models import SectionPage

from . import services

SUBSCRIBE_LIMITS = ((5, 60), (20, 3600))  # requests per window (seconds), per IP


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _sections() -> list[SectionPage]:
    return list(SectionPage.objects.live().filter(locale__language_code="ru").order_by("path"))


@never_cache
@csrf_exempt
@same_origin_required
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """GET: the full form with section choice. POST: start a subscription (same answer always)."""
    context = {"sections": _sections(), "email": ""}
    if request.method == "GET":
        return render(request, "subscriptions/subscribe.html", context)
    for limit, window in SUBSCRIBE_LIMITS:
        wait = rate_limit_hit(
            scope=f"subscribe{window}", key=client_ip(request), limit=limit, window=window
        )
        if wait:
            return too_many_requests(wait)
    email = request.POST.get("email", "")
    chosen_ids = {value for value in request.POST.getlist("section") if value.isdigit()}
    sections = [s for s in context["sections"] if str(s.pk) in chosen_ids]
    try:
        services.subscription_request(email=email, sections=sections)
    except ValidationError as error:
        message = " ".join(error.messages)
        if _wants_json(request):
            return JsonResponse({"error": message}, status=400)
        context.update(error=message, email=email[:254])
        return render(request, "subscriptions/subscribe.html", context, status=400)
    message = _(
        "Check your mail: if this address is not subscribed yet, we have sent a link to "
        "confirm the subscription."
    )
    if _wants_json(request):
        return JsonResponse({"message": message}, status=202)
    return render(request, "subscriptions/subscribe_done.html", {"message": message}, status=202)


def _token_page(
    request: HttpRequest, token: str, *, salt: str, max_age, action, template: str
) -> HttpResponse:
    """Show the page with a button on GET; act on POST. Bad links get a 400 page."""
    try:
        if request.method == "GET":
            services.subscriber_from_token(token, salt=salt, max_age=max_age)
            return render(request, f"subscriptions/{template}.html", {"done": False})
        subscriber = action(token=token)
    except services.TokenError as error:
        return render(request, "subscriptions/link_error.html", {"error": error}, status=400)
    return render(
        request, f"subscriptions/{template}.html", {"done": True, "subscriber": subscriber}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the confirmation e-mail: a page whose button confirms."""
    return _token_page(
        request,
        token,
        salt=services.CONFIRM_SALT,
        max_age=services.CONFIRM_MAX_AGE,
        action=services.subscription_confirm,
        template="confirm",
    )


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST here; the signed token is the authentication
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe (POST) and the page behind the link in every e-mail (GET)."""
    return _token_page(
        request,
        token,
        salt=services.UNSUBSCRIBE_SALT,
        max_age=None,
        action=services.subscription_cancel,
        template="unsubscribe",
    )
