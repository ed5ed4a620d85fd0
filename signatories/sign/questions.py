"""The question pages of the sign-up journey, in order: start, organisation
(or one not listed), your details, senior approver, project, principles,
service area, authority.

Each view reads like a list of guards: honeypot, then the form, then the answers kept.
"""

import functools

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
from signatories.models import Organisation, OrganisationType
from signatories.services import OrganisationAlreadySigning, sign_up_check_organisation
from signatories.sign import forms, journey
from signatories.sign.limits import QUESTION_LIMIT
from signatories.sign.messages import refusal_message

# The most organisations listed as radios after a search without JavaScript.
SEARCH_RESULTS = 30


def _changing(request: HttpRequest) -> bool:
    return request.GET.get("change") == "1"


def _next(request: HttpRequest, step: str) -> HttpResponse:
    """On to the page after `step`, given the answers kept so far."""
    data = journey.answers(request.session)
    return redirect(journey.next_page(step, data, changing=_changing(request)))


def _organisation_choices():
    # The register's current organisations, and those typed in by earlier sign-ups.
    return Organisation.objects.current()


def _organisation_fixed_while_editing(view):
    """A sign-up being changed stays with its organisation: its pages lead back
    to check your answers."""

    @functools.wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if journey.is_editing(journey.answers(request.session)):
            return redirect("sign:check-answers")
        return view(request, *args, **kwargs)

    return guarded


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "sign/start.html", {"page_title": "Sign the Local Digital Declaration"})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
@_organisation_fixed_while_editing
def organisation(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        initial = {"organisation": journey.answers(request.session).get("organisation_id")}
        form = forms.OrganisationChoiceForm(
            initial=initial, choices_queryset=_organisation_choices()
        )
        return _organisation_page(request, form)
    if honeypot_filled(request):
        return _next(request, "sign:organisation")
    if request.POST.get("organisation") == "not-listed":
        not_listed = reverse("sign:organisation-not-listed")
        return redirect(not_listed + ("?change=1" * _changing(request)))
    form = forms.OrganisationChoiceForm(request.POST, choices_queryset=_organisation_choices())
    if _organisation_kept(request, form):
        return _next(request, "sign:organisation")
    return _organisation_page(request, form)


def _organisation_kept(request: HttpRequest, form: forms.OrganisationChoiceForm) -> bool:
    """Keep the organisation chosen, unless the form or the one sign-up rule refuses it."""
    if not form.is_valid():
        return False
    chosen = form.cleaned_data["organisation"]
    try:
        sign_up_check_organisation(organisation=chosen)
    except OrganisationAlreadySigning as refused:
        error = ValidationError(refusal_message(refused), code="organisation_already_signing")
        form.add_error("organisation", error)
        return False
    journey.save(request.session, {"organisation_id": chosen.pk, "new_organisation": None})
    return True


def _organisation_page(request: HttpRequest, form: forms.OrganisationChoiceForm) -> HttpResponse:
    """The search, its results or the full list to choose from, and the form's errors."""
    data = journey.answers(request.session)
    changing = _changing(request)
    query = search_text(request.GET.get("q") or request.POST.get("q") or "")[:100]
    return render(
        request,
        "sign/organisation.html",
        {
            "page_title": "Which organisation are you signing for?",
            "form": form,
            "query": query,
            "results": _organisation_choices().search(query)[:SEARCH_RESULTS] if query else None,
            "organisations": None if query else _organisation_choices().only("pk", "name"),
            "selected": str(form.value("organisation") or ""),
            "back": journey.previous_page("sign:organisation", data, changing=changing),
            "changing": changing,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
@_organisation_fixed_while_editing
def organisation_not_listed(request: HttpRequest) -> HttpResponse:
    # The same step as choosing from the list: the journey goes on from it.
    # (Its template links back to that list, whatever the step's back link.)
    return _question(
        request,
        step="sign:organisation",
        form_class=forms.NewOrganisationForm,
        template_name="sign/organisation_not_listed.html",
        page_title="Tell us about your organisation",
        to_session=lambda cleaned: {
            "organisation_id": None,
            "new_organisation": {
                "name": cleaned["name"],
                "organisation_type": cleaned["organisation_type"],
            },
        },
        from_session=lambda data: data.get("new_organisation") or {},
        form_kwargs={"known_organisations": _organisation_choices()},
        extra={"organisation_types": OrganisationType.choices},
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
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        if honeypot_filled(request):
            return _next(request, step)
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            values = to_session(form.cleaned_data) if to_session else form.cleaned_data
            journey.save(request.session, values)
            return _next(request, step)
    else:
        form = form_class(initial=from_session(data) if from_session else data, **form_kwargs)
    return render(
        request,
        template_name,
        {
            "page_title": page_title,
            "form": form,
            "back": journey.previous_page(step, data, changing=_changing(request)),
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
        # Short enough that the error state's title ("Error: … – Local Digital")
        # stays within 70 characters.
        page_title="Which principles does your project follow?",
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
