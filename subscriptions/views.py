"""The pages behind the links in followers' emails: confirm, manage, unsubscribe,
and the one-click unsubscribe that mail programs post to (RFC 8058).

Every page a link opens changes nothing on GET: mail scanners open links,
so a change waits for the person's button (a POST).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from subscriptions import services
from subscriptions.links import link_token, subscriber_from
from subscriptions.models import Frequency


def _link_problem(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "subscriptions/link_problem.html",
        {"page_title": "This link does not work"},
        status=404,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method != "POST":
        return render(
            request, "subscriptions/confirm.html", {"page_title": "Confirm your email updates"}
        )
    subscriber = services.follow_confirm(token=token)
    if subscriber is None:
        return _link_problem(request)
    return redirect("subscriptions:manage", token=link_token(subscriber))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = subscriber_from(token)
    if subscriber is None:
        return _link_problem(request)
    if request.method == "POST":
        return _change(request, subscriber, token)
    subscriptions = list(subscriber.subscriptions.confirmed())
    return render(
        request,
        "subscriptions/manage.html",
        {
            "page_title": "Your email updates",
            "subscriber": subscriber,
            "subscriptions": subscriptions,
            "token": token,
            "frequencies": Frequency,
            "notice": request.GET.get("changed") == "1",
        },
    )


def _change(request: HttpRequest, subscriber, token: str) -> HttpResponse:
    """One row's button: switch how often, or stop following."""
    try:
        subscription_id = int(request.POST.get("subscription", ""))
    except ValueError:
        return redirect("subscriptions:manage", token=token)
    if request.POST.get("action") == "remove":
        if not services.subscription_remove(subscriber=subscriber, subscription_id=subscription_id):
            return render(
                request, "subscriptions/unsubscribed.html", {"page_title": "You have unsubscribed"}
            )
    else:
        services.subscription_set_frequency(
            subscriber=subscriber,
            subscription_id=subscription_id,
            frequency=request.POST.get("frequency", ""),
        )
    return redirect(f"{request.path}?changed=1")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = subscriber_from(token)
    if request.method == "POST":
        if subscriber is not None:
            services.subscriber_delete(subscriber=subscriber)
        return render(
            request, "subscriptions/unsubscribed.html", {"page_title": "You have unsubscribed"}
        )
    if subscriber is None:
        return _link_problem(request)
    return render(
        request,
        "subscriptions/unsubscribe.html",
        {
            "page_title": "Unsubscribe from every email update",
            "subscriber": subscriber,
            "token": token,
        },
    )


@csrf_exempt
@require_POST
def one_click(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058: the mail program posts `List-Unsubscribe=One-Click` here with
    no cookie and no CSRF token (the signed link is the proof). Answered the
    same however often it is posted: the address is gone after the first."""
    subscriber = subscriber_from(token)
    if subscriber is not None:
        services.subscriber_delete(subscriber=subscriber)
    return HttpResponse("You have unsubscribed.\n", content_type="text/plain; charset=utf-8")
