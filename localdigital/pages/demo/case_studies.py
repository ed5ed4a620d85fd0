"""Demo case studies: two published, told by the lead councils of the first
two funded demo projects (linked to the project and to the council's
declaration project), and one proposal waiting for a moderator. Made through
the services, as an officer proposes and staff publish."""

from declaration.models import Principle
from funding.models import Bid
from sharing import services
from sharing.models import CaseStudy
from signatories.models import Commitment, SignUpState

DEMO_CASE_STUDIES = [
    {
        "title": "One case list for four councils' housing enforcement",
        "summary": "Four councils moved their enforcement cases from spreadsheets to one shared list.",
        "problem": "Each council kept **its own spreadsheet** of cases, with different columns, "
        "so nobody could see a landlord's cases across the area.",
        "what_was_done": "We agreed one way of recording a case, built a shared case list in "
        "three sprints and moved every open case across.\n\n"
        "* weekly show and tells with officers\n* the code is open on GitHub",
        "principles": [1, 2],
        "outcomes": [
            ("Time officers spend chasing missing information", "down 35%"),
            ("Open cases moved across", "1,240"),
            ("Staff time saved a year", "£48,000"),
        ],
    },
    {
        "title": "Booking garden waste collections online",
        "summary": "Residents book and pay for garden waste collections in three minutes.",
        "problem": "Bookings were taken by phone, and the contact centre's queues grew every spring.",
        "what_was_done": "We designed the booking service with residents and reused the "
        "payment component another council had built.",
        "principles": [1, 5],
        "outcomes": [
            ("Bookings made online", "82%"),
            ("Calls to the contact centre in April", "down 4,100"),
        ],
    },
]
WAITING = {
    "title": "Sharing our digital inclusion training",
    "summary": "A training course for library staff, which other councils now reuse.",
    "problem": "Residents without the internet at home could not use our online services.",
    "what_was_done": "We wrote a course for library staff and published it openly.",
    "principles": [4],
    "outcomes": [("Library staff trained", "120")],
}


def _fields(spec: dict, bid: Bid) -> services.CaseStudyFields:
    commitments = Commitment.objects.filter(
        sign_up__organisation=bid.lead, sign_up__state=SignUpState.SIGNED
    )
    return services.CaseStudyFields(
        title=spec["title"],
        service_area_id=bid.service_area_id,
        summary=spec["summary"],
        problem=spec["problem"],
        what_was_done=spec["what_was_done"],
        council_ids=[bid.lead_id],
        principle_ids=list(
            Principle.objects.filter(number__in=spec["principles"]).values_list("pk", flat=True)
        ),
        outcomes=spec["outcomes"],
        funded_project_ids=[bid.pk],
        declaration_project_ids=list(commitments.values_list("pk", flat=True)),
    )


def create_demo_case_studies() -> int:
    """Propose (and publish, but the last) the demo case studies not made yet; how many were made."""
    projects = list(Bid.objects.funded().select_related("lead").order_by("pk")[:2])
    if len(projects) < 2:
        return 0
    made = 0
    for spec, bid in [*zip(DEMO_CASE_STUDIES, projects, strict=True), (WAITING, projects[0])]:
        if CaseStudy.objects.filter(title=spec["title"]).exists():
            continue
        case_study = services.case_study_propose(
            email=bid.submitted_by_email, fields=_fields(spec, bid)
        )
        if spec is not WAITING:
            services.case_study_publish(case_study=case_study, by_user=None)
        made += 1
    return made
