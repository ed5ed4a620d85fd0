"""The feedback form: GOV.UK's satisfaction question and a comment, linked from
the phase banner and from every confirmation page."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from localdigital.core.forms import GovukForm, honeypot_filled
from localdigital.core.ratelimit import rate_limit
from localdigital.pages.models import Feedback, Satisfaction

COMMENT_MAX = 1200
FROM_PAGE_MAX = Feedback._meta.get_field("from_page").max_length
# Enough for a person, too few for a script filling the table.
FEEDBACK_LIMIT = {"scope": "feedback", "limit": 10, "per_seconds": 60 * 60}


def from_page(value: str | None) -> str:
    """The path on this site that the visitor came from, or nothing.

    Only a plain path is kept: not another site's address, and no query string,
    which can carry what someone typed into a search.
    """
    path = (value or "").split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return ""
    return path[:FROM_PAGE_MAX]


class FeedbackForm(GovukForm):
    error_anchors = {"satisfaction": "satisfaction"}

    satisfaction = forms.ChoiceField(
        choices=Satisfaction.choices,
        error_messages={
            "required": "Select how you feel about this service",
            "invalid_choice": "Select how you feel about this service",
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX,
        strip=True,
        error_messages={
            "max_length": f"How we could improve this service must be {COMMENT_MAX} characters or fewer"
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**FEEDBACK_LIMIT)
def feedback(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    came_from = from_page(source.get("from"))
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if honeypot_filled(request):
            return redirect("feedback-sent")
        if form.is_valid():
            Feedback.objects.create(
                satisfaction=form.cleaned_data["satisfaction"],
                comment=form.cleaned_data["comment"],
                from_page=came_from,
            )
            return redirect("feedback-sent")
    else:
        form = FeedbackForm()
    return render(
        request,
        "pages/feedback.html",
        {
            "page_title": "Give feedback on Local Digital",
            "form": form,
            "came_from": came_from,
            "satisfaction_choices": Satisfaction.choices,
            "comment_max": COMMENT_MAX,
        },
    )


@never_cache
@require_safe
def feedback_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request, "pages/feedback_sent.html", {"page_title": "Thank you for your feedback"}
    )
