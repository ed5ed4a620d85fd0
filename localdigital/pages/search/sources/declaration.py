"""The declaration's own text."""

from django.urls import reverse
from django.utils.html import strip_tags

from declaration.models import Declaration
from localdigital.pages.search.source import Result, Source


def _describe(declaration: Declaration) -> Result:
    return Result(
        title=declaration.title,
        url=reverse("declaration:index"),
        summary=strip_tags(declaration.introduction_html),
    )


SOURCE = Source(
    key="declaration",
    heading="The declaration",
    singular="part of the declaration",
    plural="parts of the declaration",
    public=Declaration.objects.all,
    documents=("search_document",),
    fields=("title", "introduction", "aims", "closing"),
    describe=_describe,
)
