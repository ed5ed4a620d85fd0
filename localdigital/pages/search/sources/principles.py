"""The declaration's principles and their "we will" commitments."""

from django.utils.html import strip_tags

from declaration.models import Principle
from localdigital.pages.search.source import Result, Source


def _describe(principle: Principle) -> Result:
    return Result(
        title=f"{principle.number}. {principle.title}",
        url=principle.get_absolute_url(),
        summary=strip_tags(principle.summary_html),
    )


SOURCE = Source(
    key="principles",
    heading="Principles",
    singular="principle",
    plural="principles",
    public=Principle.objects.all,
    documents=("search_document",),
    fields=("title", "summary", "commitments"),
    describe=_describe,
)
