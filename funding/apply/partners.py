"""The partners section: adding and removing partner councils, and saying
the section is complete."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from funding import section_forms, services
from funding.apply.section_page import (
    chosen_id,
    completed_initial,
    done_url,
    page_url,
    render_section,
    save_section,
)
from funding.models import Bid, Section
from funding.officer_session import officer_bid
from localdigital.core.forms import honeypot_filled
from signatories.models import Organisation

# The id on the page that the add and remove buttons return to.
ANCHOR = "partners-added"


def _partner_choices(bid: Bid):
    """Signed councils that may still be added: not the lead, not a partner already."""
    return (
        Organisation.objects.signed_current_councils()
        .exclude(pk=bid.lead_id)
        .exclude(pk__in=[partner.pk for partner in bid.partners.all()])
        .order_by("name")
        .only("pk", "name")
    )


def _partner_rows(bid: Bid) -> list[dict]:
    return [
        {"organisation": partner, "signed_council": partner.is_signed_current_council}
        for partner in bid.partners.all()
    ]


def _remove(request: HttpRequest, bid: Bid) -> None:
    partner_id = chosen_id(request.POST.get("partner", ""))
    partner = next((p for p in bid.partners.all() if p.pk == partner_id), None)
    if partner is not None:
        services.bid_remove_partner(bid=bid, partner=partner)
        messages.success(request, f"{partner.name} is no longer a partner of this bid")


def _add(request: HttpRequest, bid: Bid) -> section_forms.PartnerChoiceForm:
    """Add the partner chosen; the form, with any error, for the page to show."""
    # Any organisation may be named here; the service says which may join.
    choose = section_forms.PartnerChoiceForm(request.POST, organisations=Organisation.objects.all())
    if choose.is_valid():
        partner = choose.cleaned_data["partner"]
        try:
            services.bid_add_partner(bid=bid, partner=partner)
        except ValidationError as refused:
            choose.add_error("partner", refused)
        else:
            messages.success(request, f"{partner.name} added as a partner council")
    return choose


def partners(request: HttpRequest, bid: Bid) -> HttpResponse:
    choose = section_forms.PartnerChoiceForm(organisations=Organisation.objects.none())
    form = section_forms.PartnersForm(initial={"completed": completed_initial(bid, "partners")})
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(done_url(request, bid))
        action = request.POST.get("action")
        back_here = page_url(request, bid, Section.PARTNERS, anchor=ANCHOR)
        if action == "remove":
            _remove(request, bid)
            return redirect(back_here)
        if action == "add":
            choose = _add(request, bid)
            if not choose.errors:
                return redirect(back_here)
        else:
            form = section_forms.PartnersForm(request.POST)
            if save_section(bid=bid, section=Section.PARTNERS, form=form):
                return redirect(done_url(request, bid))
            bid = officer_bid(request, bid.pk)
    return render_section(
        request,
        bid,
        Section.PARTNERS,
        {
            "form": form,
            "choose": choose,
            "partners": _partner_rows(bid),
            "choices": _partner_choices(bid),
            "chosen": str(choose.value("partner") or "") if choose.is_bound else "",
            "minimum": bid.round.min_partners,
        },
        errors=choose.error_list() + form.error_list(),
    )
