"""The public case studies: the list, filtered and paged, and each one's page
with its councils, principles, outcomes and the projects it grew from."""

import pytest
from django.test import Client

from sharing import services
from tests.factories import moderator_user, signed_council
from tests.govuk_pages import text, title
from tests.sharing.cases import propose, published_case_study
from tests.sharing.projects import funded_project

pytestmark = pytest.mark.django_db


def test_only_published_case_studies_are_listed(client):
    council = signed_council(name="Leadshire County Council")
    published_case_study([council], title="Published one")
    propose([council], title="Waiting one")

    page = client.get("/case-studies/")

    assert title(page) == "Case studies – Local Digital"
    assert "Published one" in text(page)
    assert "Waiting one" not in text(page)
    assert "1 case study" in text(page)


def test_the_list_filters_by_council_principle_and_service_area(client):
    leadshire = signed_council(name="Leadshire County Council")
    other = signed_council(name="Otherton Borough Council")
    published_case_study([leadshire], title="Bins in Leadshire")
    published_case_study(
        [other], title="Open culture in Otherton", principles=[5], service_area_id=1
    )

    by_council = text(client.get(f"/case-studies/?council={leadshire.slug}"))
    by_principle = text(client.get("/case-studies/?principle=embed-an-open-culture"))
    nothing = text(
        client.get("/case-studies/?principle=embed-an-open-culture&council=" + leadshire.slug)
    )

    assert "Bins in Leadshire" in by_council and "Open culture in Otherton" not in by_council
    assert "Open culture in Otherton" in by_principle and "Bins in Leadshire" not in by_principle
    assert "No case studies match your filters." in nothing


def test_unknown_filters_and_pages_are_ignored(client):
    published_case_study([signed_council()], title="Kept")

    response = client.get("/case-studies/?council=nowhere&principle=none&page=99")

    assert response.status_code == 200
    assert "Kept" in text(response)


def test_a_case_study_page_shows_its_councils_outcomes_and_projects(client):
    bid = funded_project()
    lead = bid.lead
    commitment = lead.sign_ups.get().commitment
    case_study = published_case_study(
        [lead], funded_project_ids=[bid.pk], declaration_project_ids=[commitment.pk]
    )

    page = client.get(case_study.get_absolute_url())

    assert title(page).startswith("Fewer missed bin calls")
    words = text(page)
    assert "Leadshire County Council" in words
    assert "Calls about missed bins down 40%" in words
    assert "£12,000" in words
    assert "1. Design services around the needs of people" in words
    html = page.content.decode()
    assert f'href="/fund/projects/{bid.reference}/"' in html
    assert f'href="{lead.get_absolute_url()}"' in html
    assert "<strong>missed bins</strong>" in html


def test_a_proposed_declined_or_unpublished_case_study_is_not_found(client):
    council = signed_council()
    waiting = propose([council], title="Waiting")
    declined = propose([council], title="Declined")
    services.case_study_decline(case_study=declined, by_user=moderator_user(), reason="No.")
    withdrawn = published_case_study([council], title="Withdrawn")
    services.case_study_withdraw(case_study=withdrawn, by_user=None, reason="Asked to.")

    for case_study in (waiting, declined, withdrawn):
        assert client.get(f"/case-studies/{case_study.slug}/").status_code == 404


def test_a_published_case_study_shows_at_once_on_cached_pages(
    page_cache, django_capture_on_commit_callbacks
):
    visitor = Client()
    council = signed_council()
    case_study = propose([council], title="Shown at once")
    assert "Shown at once" not in text(visitor.get("/case-studies/"))

    with django_capture_on_commit_callbacks(execute=True):
        services.case_study_publish(case_study=case_study, by_user=None)

    assert "Shown at once" in text(visitor.get("/case-studies/"))
    assert visitor.get(case_study.get_absolute_url()).status_code == 200


def test_case_study_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries):
    for size in (1, 4):
        councils = [signed_council() for _ in range(size)]
        bid = funded_project() if size == 1 else None
        for number in range(size):
            case_study = published_case_study(
                councils, funded_project_ids=[bid.pk] if bid else [], title=f"Case {size}-{number}"
            )
        # principles, service areas, councils, the count, the page, its councils
        with django_assert_num_queries(6):
            assert client.get("/case-studies/").status_code == 200
        # the case study, then its councils, principles, outcomes, projects and commitments
        with django_assert_num_queries(6):
            assert client.get(case_study.get_absolute_url()).status_code == 200


def test_the_sitemap_lists_published_case_studies_in_fixed_queries(
    client, django_assert_num_queries
):
    council = signed_council()
    shown = published_case_study([council], title="In the sitemap")
    hidden = propose([council], title="Not in the sitemap")

    # the newest change, the page of addresses
    with django_assert_num_queries(2):
        response = client.get("/sitemap-case-studies.xml")

    body = response.content.decode()
    assert f"/case-studies/{shown.slug}/" in body
    assert f"/case-studies/{hidden.slug}/" not in body
    assert "/case-studies/</loc>" in client.get("/sitemap-pages.xml").content.decode()


def test_words_staff_edit_show_at_once_on_the_cached_page(
    page_cache, django_capture_on_commit_callbacks
):
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        case_study = published_case_study([signed_council()], title="Before the edit")
    assert "Before the edit" in text(visitor.get(case_study.get_absolute_url()))

    # As the admin's change form saves it.
    with django_capture_on_commit_callbacks(execute=True):
        case_study.title = "After the edit"
        case_study.save()

    assert "After the edit" in text(visitor.get(case_study.get_absolute_url()))
