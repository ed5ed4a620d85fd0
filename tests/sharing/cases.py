"""Helpers for the tests of case studies: a proposal as an officer sends one,
a published case study, and the answers of the proposal form."""

from declaration.models import Principle, ServiceArea
from sharing import services
from sharing.models import CaseStudy
from signatories.models import Organisation

AREA = "licences-permits-and-permissions"


def case_fields(councils: list[Organisation], **overrides) -> services.CaseStudyFields:
    values = {
        "title": "Fewer missed bin calls with self-service reporting",
        "service_area_id": ServiceArea.objects.get(slug=AREA).pk,
        "summary": "Residents report a missed bin online and see when it will be collected.",
        "problem": "Half of the calls to the contact centre were about **missed bins**.",
        "what_was_done": "We built a reporting form with the crews' round data.",
        "council_ids": [council.pk for council in councils],
        "principles": None,
        "outcomes": [("Calls about missed bins", "down 40%"), ("Saved a year", "£12,000")],
        **overrides,
    }
    # Principles by their numbers.
    numbers = values.pop("principles") or [1, 3]
    values["principle_ids"] = list(
        Principle.objects.filter(number__in=numbers).values_list("pk", flat=True)
    )
    return services.CaseStudyFields(**values)


def propose(councils, *, email="priya.shah@leadshire.gov.uk", **overrides) -> CaseStudy:
    return services.case_study_propose(email=email, fields=case_fields(councils, **overrides))


def published_case_study(councils, **overrides) -> CaseStudy:
    case_study = propose(councils, **overrides)
    services.case_study_publish(case_study=case_study, by_user=None)
    return case_study


def proposal_form(**overrides) -> dict:
    """The proposal form's answers, as an officer of Leadshire sends them."""
    return {
        "title": "Fewer missed bin calls with self-service reporting",
        "councils": ["leadshire-county-council"],
        "other_council": "",
        "principles": ["fix-the-plumbing"],
        "service_area": AREA,
        "summary": "Residents report a missed bin online.",
        "problem": "Half of the calls were about missed bins.",
        "what_was_done": "We built a reporting form.",
        "outcome_1_measure": "Calls about missed bins",
        "outcome_1_figure": "down 40%",
        "outcome_2_measure": "",
        "outcome_2_figure": "",
        "outcome_3_measure": "",
        "outcome_3_figure": "",
        **overrides,
    }
