"""The section pages that are a single form: project, problem, delivery,
principles and declarations."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from declaration.models import Principle, ServiceArea
from funding import section_forms, sections
from funding.apply.section_page import completed_initial, done_url, render_section, save_section
from funding.models import Bid, Section
from funding.officer_session import officer_bid
from localdigital.core.forms import honeypot_filled

# Each section whose page is a single form, with that form.
SIMPLE_SECTIONS: dict[Section, type[section_forms.SectionForm]] = {
    Section.PROJECT: section_forms.ProjectForm,
    Section.PROBLEM: section_forms.ProblemForm,
    Section.DELIVERY: section_forms.DeliveryForm,
    Section.PRINCIPLES: section_forms.PrinciplesForm,
    Section.DECLARATIONS: section_forms.DeclarationsForm,
}


def _saved_answers(bid: Bid, section: Section) -> dict:
    """The section's saved answers, as its form shows them."""
    match section:
        case Section.PROJECT:
            return {
                "title": bid.title,
                "summary": bid.summary,
                "service_area": bid.service_area.slug if bid.service_area else "",
            }
        case Section.PRINCIPLES:
            return {
                "principles": [principle.number for principle in bid.principles.all()],
                "principles_how": bid.principles_how,
            }
    return {name: getattr(bid, name) for name in sections.SECTION_FIELDS[section]}


def _choices(section: Section) -> tuple[dict, dict]:
    """What the section's form needs to be built, and what its page shows besides."""
    if section == Section.PROJECT:
        service_areas = list(ServiceArea.objects.all())
        return (
            {"service_areas": service_areas},
            {"service_areas": service_areas, "summary_max": sections.SUMMARY_MAX_CHARACTERS},
        )
    if section == Section.PRINCIPLES:
        return {}, {"principles": list(Principle.objects.in_order())}
    return {}, {}


def simple_section(request: HttpRequest, bid: Bid, section: Section) -> HttpResponse:
    form_class = SIMPLE_SECTIONS[section]
    extra, context = _choices(section)
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(done_url(request, bid))
        form = form_class(request.POST, **extra)
        if save_section(bid=bid, section=section, form=form):
            return redirect(done_url(request, bid))
        # Show the answers as saved, and the caption with any new title.
        bid = officer_bid(request, bid.pk)
    else:
        initial = _saved_answers(bid, section) | {"completed": completed_initial(bid, section)}
        form = form_class(initial=initial, **extra)
    return render_section(
        request,
        bid,
        section,
        {
            "form": form,
            "long_text_max": section_forms.LONG_TEXT_MAX_CHARACTERS,
            **context,
        },
        errors=form.error_list(),
    )
