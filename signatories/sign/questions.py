"""The question pages of the sign-up journey, in order: start, organisation
(or one not listed), your details, senior approver, project, principles,
service area, authority.

Each view reads like a list of guards: honeypot, then the form, then the answers kept.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from declaration.models import Principle, ServiceArea
from localdigital.core.forms import honeypot_filled
from localdigital.core.lists import search_text
from localdigital.core.ratelimit import rate_limit
from signatories.models import Organisation, OrganisationType, SignUp
from signatories.sign import forms, journey
from signatories.sign.limits import QUESTION_LIMIT

# The most organisations listed as radios after a search without JavaScript.
SEARCH_RESULTS = 30


def _changing(request: HttpRequest) -> bool:
    return request.GET.get("change") == "1"


def _already_signing_message(organisation_name: str) -> str:
    return (
        f"{organisation_name} has already signed the declaration, or someone there is "
        f"signing it now. An organisation can sign only once. If you think this is wrong, "
        f"contact the Local Digital team at {settings.CONTACT_EMAIL}."
    )


def _organisation_choices():
    # The register's current organisations, and those typed in by earlier sign-ups.
    return Organisation.objects.current()


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "sign/start.html", {"page_title": "Sign the Local Digital Declaration"})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def organisation(request: HttpRequest) -> HttpResponse:
    data = journey.answers(request.session)
    changing = _changing(request)
    if journey.is_editing(data):
        # A sign-up being changed stays with its organisation.
        return redirect("sign:check-answers")
    query = search_text(request.GET.get("q") or request.POST.get("q") or "")[:100]
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(journey.next_page("sign:organisation", data, changing=changing))
        if request.POST.get("organisation") == "not-listed":
            return redirect(reverse("sign:organisation-not-listed") + ("?change=1" * changing))
        form = forms.OrganisationChoiceForm(request.POST, choices_queryset=_organisation_choices())
        if form.is_valid():
            chosen = form.cleaned_data["organisation"]
            if SignUp.objects.live().filter(organisation=chosen).exists():
                form.add_error(
                    "organisation",
                    ValidationError(
                        _already_signing_message(chosen.name), code="organisation_already_signing"
                    ),
                )
            else:
                journey.save(
                    request.session, {"organisation_id": chosen.pk, "new_organisation": None}
                )
                data = journey.answers(request.session)
                return redirect(journey.next_page("sign:organisation", data, changing=changing))
    else:
        form = forms.OrganisationChoiceForm(
            initial={"organisation": data.get("organisation_id")},
            choices_queryset=_organisation_choices(),
        )
    results = _organisation_choices().search(query)[:SEARCH_RESULTS] if query else None
    return render(
        request,
        "sign/organisation.html",
        {
            "page_title": "Which organisation are you signing for?",
            "form": form,
            "query": query,
            "results": results,
            "organisations": None if query else _organisation_choices().only("pk", "name"),
            "selected": str(form.value("organisation") or ""),
            "back": journey.previous_page("sign:organisation", data, changing=changing),
            "changing": changing,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def organisation_not_listed(request: HttpRequest) -> HttpResponse:
    data = journey.answers(request.session)
    changing = _changing(request)
    if journey.is_editing(data):
        return redirect("sign:check-answers")
    known = _organisation_choices()
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(journey.next_page("sign:organisation", data, changing=changing))
        form = forms.NewOrganisationForm(request.POST, known_organisations=known)
        if form.is_valid():
            journey.save(
                request.session,
                {
                    "organisation_id": None,
                    "new_organisation": {
                        "name": form.cleaned_data["name"],
                        "organisation_type": form.cleaned_data["organisation_type"],
                    },
                },
            )
            data = journey.answers(request.session)
            return redirect(journey.next_page("sign:organisation", data, changing=changing))
    else:
        form = forms.NewOrganisationForm(
            initial=data.get("new_organisation") or {}, known_organisations=known
        )
    return render(
        request,
        "sign/organisation_not_listed.html",
        {
            "page_title": "Tell us about your organisation",
            "form": form,
            "organisation_types": OrganisationType.choices,
            "changing": changing,
        },
    )


def _question(
    request: HttpRequest,
    *,
    step: str,
    form_class,
    template_name: str,
    page_title: str,
    to_session=None,
    from_session=None,
    form_kwargs: dict | None = None,
    extra: dict | None = None,
) -> HttpResponse:
    """A question page: show the saved answers, check what is sent, keep it, move on."""
    data = journey.answers(request.session)
    changing = _changing(request)
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(journey.next_page(step, data, changing=changing))
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            values = to_session(form.cleaned_data) if to_session else form.cleaned_data
            journey.save(request.session, values)
            data = journey.answers(request.session)
            return redirect(journey.next_page(step, data, changing=changing))
    else:
        initial = from_session(data) if from_session else data
        form = form_class(initial=initial, **form_kwargs)
    return render(
        request,
        template_name,
        {
            "page_title": page_title,
            "form": form,
            "back": journey.previous_page(step, data, changing=changing),
            "organisation_name": journey.organisation_name(data),
            **(extra or {}),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def your_details(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:your-details",
        form_class=forms.OfficerForm,
        template_name="sign/your_details.html",
        page_title="Your details",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def senior_approver(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:senior-approver",
        form_class=forms.ApproverForm,
        template_name="sign/senior_approver.html",
        page_title="Who will sign for your organisation?",
        form_kwargs={
            "officer_email": journey.answers(request.session).get("officer_email", ""),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def commitment(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:commitment",
        form_class=forms.CommitmentForm,
        template_name="sign/commitment.html",
        page_title="Your declaration project",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def principles(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:principles",
        form_class=forms.PrinciplesForm,
        template_name="sign/principles.html",
        page_title="Which principles does your project put into practice?",
        to_session=lambda cleaned: {"principles": [p.number for p in cleaned["principles"]]},
        from_session=lambda data: {"principles": data.get("principles", [])},
        extra={"principles": Principle.objects.in_order()},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def service_area(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:service-area",
        form_class=forms.ServiceAreaForm,
        template_name="sign/service_area.html",
        page_title="Which service area is your project about?",
        to_session=lambda cleaned: {"service_area": cleaned["service_area"].slug},
        extra={"service_areas": ServiceArea.objects.all()},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def authority(request: HttpRequest) -> HttpResponse:
    return _question(
        request,
        step="sign:authority",
        form_class=forms.AuthorityForm,
        template_name="sign/authority.html",
        page_title="Confirm you can submit this",
    )
