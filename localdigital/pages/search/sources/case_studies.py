"""Published case studies: proposals waiting for staff, declined and
unpublished ones are not public. Their list has filters but no search box, so
there is no "see all" to link to."""

from localdigital.pages.search.source import Result, Source
from sharing.models import CaseStudy


def _public():
    return CaseStudy.objects.public().select_related("service_area")


def _describe(case_study: CaseStudy) -> Result:
    return Result(
        title=case_study.title,
        url=case_study.get_absolute_url(),
        caption=f"Case study: {case_study.service_area.name}",
        summary=case_study.summary,
    )


SOURCE = Source(
    key="case-studies",
    heading="Case studies",
    singular="case study",
    plural="case studies",
    public=_public,
    documents=("search_document",),
    fields=("title", "summary", "problem", "what_was_done"),
    describe=_describe,
)
