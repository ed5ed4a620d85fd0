"""The page opened by the link that asks, eleven months after signing, how the
declaration project went. Opening it changes nothing: the answer is sent by
the form's button."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from localdigital.core.forms import GovukForm
from localdigital.core.ratelimit import rate_limit
from signatories.models import MAX_LINKS, Delivery, LinkPurpose, SignUp
from signatories.services import find_link, report_delivery
from signatories.sign.limits import LINK_LIMIT
from signatories.sign.link_problems import link_problem

DELIVERED_MAX = 2000
LINK_MAX = 500
SENT_KEY = "project_reported"


class DeliveryReportForm(GovukForm):
    error_anchors = {"delivery": "delivery"}

    delivery = forms.ChoiceField(
        choices=Delivery.choices,
        error_messages={
            "required": "Select whether the project was delivered",
            "invalid_choice": "Select whether the project was delivered",
        },
    )
    delivered = forms.CharField(
        max_length=DELIVERED_MAX,
        error_messages={
            "required": "Enter what was delivered, or why it was not",
            "max_length": f"What was delivered must be {DELIVERED_MAX} characters or fewer",
        },
    )
    links = forms.CharField(required=False)
    reported_by = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter your name",
            "max_length": "Your name must be 200 characters or fewer",
        },
    )

    def clean_links(self) -> list[str]:
        """One web address a line, each a full http or https address."""
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(f"Enter {MAX_LINKS} web addresses or fewer")
        check = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                if len(line) > LINK_MAX:
                    raise ValidationError("too long")
                check(line)
            except ValidationError:
                raise ValidationError(
                    "Enter each web address in full on its own line, like "
                    "https://www.example.gov.uk/our-project"
                ) from None
        return lines


def _page(request: HttpRequest, sign_up: SignUp, form: DeliveryReportForm) -> HttpResponse:
    return render(
        request,
        "sign/report.html",
        {
            "page_title": "How did your declaration project go?",
            "form": form,
            "sign_up": sign_up,
            "commitment": sign_up.commitment,
            "delivery_choices": Delivery.choices,
            "max_links": MAX_LINKS,
            "delivered_max": DELIVERED_MAX,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**LINK_LIMIT)
def report(request: HttpRequest, token: str) -> HttpResponse:
    link = find_link(token=token, purpose=LinkPurpose.REPORT)
    if link is None:
        return link_problem(request, token=token, purpose=LinkPurpose.REPORT)
    if request.method != "POST":
        return _page(request, link.sign_up, DeliveryReportForm())
    form = DeliveryReportForm(request.POST)
    if not form.is_valid():
        return _page(request, link.sign_up, form)
    reported = report_delivery(link=link, **form.cleaned_data)
    if reported is None:
        return link_problem(request, token=token, purpose=LinkPurpose.REPORT)
    request.session[SENT_KEY] = {
        "organisation": reported.organisation.name,
        "path": reported.organisation.get_absolute_url(),
    }
    return redirect("sign:report-sent")


@never_cache
@require_safe
def report_sent(request: HttpRequest) -> HttpResponse:
    sent = request.session.get(SENT_KEY)
    if not sent:
        return redirect("sign:start")
    return render(
        request, "sign/report_sent.html", {"page_title": "Thank you for your report", "sent": sent}
    )
