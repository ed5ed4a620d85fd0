"""The open data of project updates: every published update, as CSV and JSON
(and of case studies: sharing.case_open_data).

Hidden updates are left out, as they are from every page. Authors' email
addresses are never published.
"""

from django.views.decorators.http import require_safe

from localdigital.core.open_data import Dataset, Field, csv_response, json_response, timestamp
from localdigital.core.site_address import absolute_url
from sharing.case_open_data import CASE_STUDIES
from sharing.models import ProjectUpdate

UPDATES = Dataset(
    name="project-updates",
    title="Project updates",
    description=(
        "Every update that funded projects have posted about their work, newest first: "
        "sprint notes, show and tells, outputs and blog posts."
    ),
    fields=(
        Field("id", "The update's number.", "42", lambda u, r: u.pk),
        Field(
            "project_reference",
            "The funded project's reference.",
            "R6-0012",
            lambda u, r: u.bid.reference,
        ),
        Field(
            "project_title",
            "The funded project's title.",
            "Shared planning enforcement",
            lambda u, r: u.bid.title,
        ),
        Field(
            "lead_council",
            "The project's lead council.",
            "Leeds City Council",
            lambda u, r: u.bid.lead.name,
        ),
        Field(
            "kind",
            "Sprint note, show and tell, output or blog post.",
            "Sprint note",
            lambda u, r: u.get_kind_display(),
        ),
        Field(
            "title", "The update's title.", "Sprint 4: testing the case list", lambda u, r: u.title
        ),
        Field(
            "body_markdown",
            "The update as its authors wrote it, in Markdown.",
            "We tested…",
            lambda u, r: u.body,
        ),
        Field(
            "links",
            "Web addresses the update links to.",
            "https://example.gov.uk/notes",
            lambda u, r: u.link_list(),
        ),
        Field(
            "published_at",
            "When it was posted, in UK time (ISO 8601).",
            "2026-03-02T10:15:00+00:00",
            lambda u, r: timestamp(u.published_at),
        ),
        Field(
            "updated_at",
            "When it was last changed, in UK time (ISO 8601).",
            "2026-03-03T09:00:00+00:00",
            lambda u, r: timestamp(u.updated_at),
        ),
        Field(
            "url",
            "The update's page.",
            "https://localdigital.gov.uk/updates/42/",
            lambda u, r: absolute_url(u.get_absolute_url()),
        ),
    ),
    csv_url_name="sharing:updates-csv",
    json_url_name="sharing:updates-json",
)
DATASETS = (UPDATES, CASE_STUDIES)


def _rows():
    return ProjectUpdate.objects.public().select_related("bid", "bid__lead").newest_first()


@require_safe
def updates_csv(request):
    return csv_response(UPDATES, _rows(), request=request)


@require_safe
def updates_json(request):
    return json_response(UPDATES, _rows(), request=request)
