"""Project updates: published ones, of funded projects whose decisions are
public (hidden updates are shown nowhere). Their list has no search box, so
there is no "see all" to link to."""

from localdigital.pages.search.source import Result, Source
from sharing.models import ProjectUpdate


def _public():
    return ProjectUpdate.objects.public().for_listing()


def _describe(update: ProjectUpdate) -> Result:
    text = " ".join(update.body.split())
    return Result(
        title=update.title,
        url=update.get_absolute_url(),
        caption=f"{update.get_kind_display()} from {update.bid.title}",
        summary=text if len(text) <= 200 else text[:199].rsplit(" ", 1)[0] + "…",
    )


SOURCE = Source(
    key="project-updates",
    heading="Project updates",
    singular="project update",
    plural="project updates",
    public=_public,
    documents=("search_document",),
    fields=("title", "body"),
    describe=_describe,
)
