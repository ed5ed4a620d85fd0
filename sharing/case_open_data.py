"""The open data of case studies: every published one, as CSV and JSON.

Proposals waiting for staff, declined ones and unpublished ones are left out,
as they are from every page; the proposer's email address is never published.
"""

from django.db.models import Prefetch
from django.views.decorators.http import require_safe

from declaration.models import Principle
from funding.models import Bid
from localdigital.core.open_data import Dataset, Field, csv_response, json_response, timestamp
from localdigital.core.site_address import absolute_url
from sharing.case_models import CaseStudy
from signatories.models import Organisation


def _outcomes(case_study) -> list[str]:
    return [f"{outcome.measure}: {outcome.figure}" for outcome in case_study.outcomes.all()]


CASE_STUDIES = Dataset(
    name="case-studies",
    title="Case studies",
    description=(
        "Every published case study, newest first: what councils did, the problem they met "
        "and the outcomes, with figures."
    ),
    fields=(
        Field(
            "slug",
            "The case study's name in its address.",
            "fewer-missed-bin-calls",
            lambda c, r: c.slug,
        ),
        Field("title", "The case study's title.", "Fewer missed bin calls", lambda c, r: c.title),
        Field(
            "councils",
            "The councils whose work it tells.",
            "Leeds City Council",
            lambda c, r: [council.name for council in c.councils.all()],
        ),
        Field(
            "principles",
            "The numbers of the declaration's principles it shows.",
            "1",
            lambda c, r: [str(principle.number) for principle in c.principles.all()],
        ),
        Field("service_area", "Its service area.", "Waste", lambda c, r: c.service_area.name),
        Field(
            "summary", "A sentence or two about it.", "Residents report…", lambda c, r: c.summary
        ),
        Field(
            "problem_markdown",
            "The problem, in Markdown.",
            "Half of the calls…",
            lambda c, r: c.problem,
        ),
        Field(
            "what_was_done_markdown",
            "What was done, in Markdown.",
            "We built…",
            lambda c, r: c.what_was_done,
        ),
        Field(
            "outcomes",
            "Each outcome and its figure, as “what changed: figure”.",
            "Calls about missed bins: down 40%",
            lambda c, r: _outcomes(c),
        ),
        Field(
            "funded_projects",
            "The references of the funded projects it grew from.",
            "R6-0012",
            lambda c, r: [bid.reference for bid in c.funded_projects.all()],
        ),
        Field(
            "published_at",
            "When it was published, in UK time (ISO 8601).",
            "2026-03-02T10:15:00+00:00",
            lambda c, r: timestamp(c.published_at),
        ),
        Field(
            "url",
            "The case study's page.",
            "https://localdigital.gov.uk/case-studies/fewer-missed-bin-calls/",
            lambda c, r: absolute_url(c.get_absolute_url()),
        ),
    ),
    csv_url_name="sharing:case-studies-csv",
    json_url_name="sharing:case-studies-json",
)


def _rows():
    return (
        CaseStudy.objects.public()
        .select_related("service_area")
        .prefetch_related(
            Prefetch("councils", Organisation.objects.order_by("name")),
            Prefetch("principles", Principle.objects.in_order()),
            "outcomes",
            Prefetch("funded_projects", Bid.objects.funded()),
        )
        .newest_first()
    )


@require_safe
def case_studies_csv(request):
    return csv_response(CASE_STUDIES, _rows(), request=request)


@require_safe
def case_studies_json(request):
    return json_response(CASE_STUDIES, _rows(), request=request)
