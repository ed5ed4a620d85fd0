"""The follow page's work, for the app that owns the thing followed.

That app's view finds the thing, words its topic and label, and hands over
here: the form is checked, the honeypot and the rate limit applied, and the
request made. The visitor then sees "check your email" whatever the address.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from localdigital.core.titles import fitting_title
from subscriptions import services
from subscriptions.forms import FollowForm

# Posts from one address in an hour, whatever it follows.
FOLLOW_LIMIT = {"scope": "follow", "limit": 20, "per_seconds": 3600}


@rate_limit(**FOLLOW_LIMIT)
def follow_page(request: HttpRequest, *, topic: str, label: str, context: dict) -> HttpResponse:
    """The follow form for `topic`, then "check your email"; drawn with the
    templates subscriptions/follow.html and subscriptions/check_email.html."""
    context = {**context, "label": label}
    if request.method == "POST":
        form = FollowForm(request.POST)
        if honeypot_filled(request):
            return _check_email(request, context)
        if form.is_valid():
            services.follow_request(
                email=form.cleaned_data["email"],
                topic=topic,
                label=label,
                frequency=form.cleaned_data["frequency"],
            )
            return _check_email(request, context)
    else:
        form = FollowForm()
    return render(
        request,
        "subscriptions/follow.html",
        {**context, "page_title": fitting_title(f"Follow {label}"), "form": form},
    )


def _check_email(request: HttpRequest, context: dict) -> HttpResponse:
    return render(
        request,
        "subscriptions/check_email.html",
        {**context, "page_title": "Check your email", "days": services.CONFIRM_DAYS},
    )
