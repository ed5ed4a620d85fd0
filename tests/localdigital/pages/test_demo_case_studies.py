"""The demo content has two published case studies, told by demo councils
and linked to their funded projects, and one proposal waiting for staff."""

import pytest
from django.core.management import call_command

from sharing.models import CaseStudy, CaseStudyState
from tests.govuk_pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # the demo loads only for local development
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")


def test_the_demo_has_two_published_case_studies_and_one_waiting(client, demo):
    published = CaseStudy.objects.public()
    waiting = CaseStudy.objects.filter(state=CaseStudyState.PROPOSED)

    assert published.count() == 2
    assert waiting.count() == 1
    page = text(client.get("/case-studies/"))
    assert all(case_study.title in page for case_study in published)
    assert waiting.get().title not in page
    first = published.order_by("pk").first()
    story = client.get(first.get_absolute_url())
    project = first.funded_projects.get()
    assert f'href="/fund/projects/{project.reference}/"' in story.content.decode()
    assert first.councils.get().name in text(story)


def test_loading_the_demo_again_makes_no_more_case_studies(demo):
    call_command("load_demo_content")

    assert CaseStudy.objects.count() == 3
