"""Content editors write news, events and programme pages in admin: they
schedule a post in UK time, preview a draft, filter by state, and a slug they
change keeps its old address."""

import datetime

import pytest
from django.utils import timezone

from programme.models import CoPublisher, Event, NewsPost, ProgrammePage, PublicationStatus
from tests.factories import (
    EventFactory,
    NewsPostFactory,
    OrganisationFactory,
    ProgrammePageFactory,
    content_editor_user,
)
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    sign_in_staff(client, content_editor_user())
    return client


def post_form(**fields) -> dict:
    return {
        "title": "Round 8 opens in April",
        "slug": "round-8-opens",
        "summary": "Bids open on 1 April.",
        "body": "## Dates\n\nBids open on **1 April**.",
        "status": PublicationStatus.PUBLISHED,
        "published_at_0": "01/04/2027",
        "published_at_1": "09:00:00",
        "slug_redirects-TOTAL_FORMS": "0",
        "slug_redirects-INITIAL_FORMS": "0",
        **fields,
    }


def test_a_content_editor_schedules_a_post_in_uk_time(editor):
    response = editor.post("/admin/programme/newspost/add/", post_form())

    assert response.status_code == 302
    post = NewsPost.objects.get()
    # 9am on 1 April 2027 in London is 8am UTC (BST).
    assert post.published_at == datetime.datetime(2027, 4, 1, 8, 0, tzinfo=datetime.UTC)
    assert post.body_html == "<h2>Dates</h2>\n<p>Bids open on <strong>1 April</strong>.</p>"
    listed = editor.get("/admin/programme/newspost/?state=scheduled").content.decode()
    assert "Round 8 opens in April" in listed and "Scheduled" in listed
    assert (
        "Round 8 opens"
        not in editor.get("/admin/programme/newspost/?state=published").content.decode()
    )


def test_markup_typed_in_a_post_is_made_harmless(editor):
    editor.post(
        "/admin/programme/newspost/add/",
        post_form(body='<script>alert("x")</script>[Read](javascript:alert(1))'),
    )

    html = NewsPost.objects.get().body_html
    assert "<script>" not in html and "javascript:" not in html


def test_a_content_editor_previews_a_draft_the_public_cannot_see(editor, client):
    post = NewsPostFactory(title="Not ready", status=PublicationStatus.DRAFT)

    change_form = editor.get(f"/admin/programme/newspost/{post.pk}/change/").content.decode()
    preview = editor.get(f"/admin/programme/newspost/{post.pk}/preview/")

    assert f"/admin/programme/newspost/{post.pk}/preview/" in change_form
    assert preview.status_code == 200
    assert "Not ready" in preview.content.decode()
    assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]


def test_a_visitor_cannot_preview(client):
    post = NewsPostFactory(status=PublicationStatus.DRAFT)

    response = client.get(f"/admin/programme/newspost/{post.pk}/preview/")

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_slug_changed_in_admin_is_recorded_as_a_former_address(editor):
    page = ProgrammePageFactory(title="Cyber", slug="cyber")

    response = editor.post(
        f"/admin/programme/programmepage/{page.pk}/change/",
        {
            "title": "Cyber support",
            "slug": "cyber-support",
            "summary": page.summary,
            "body": page.body,
            "position": "0",
            "status": PublicationStatus.PUBLISHED,
            "slug_redirects-TOTAL_FORMS": "0",
            "slug_redirects-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert list(page.slug_redirects.values_list("old_slug", flat=True)) == ["cyber"]
    change_form = editor.get(f"/admin/programme/programmepage/{page.pk}/change/").content.decode()
    assert "Former addresses" in change_form and "cyber" in change_form


def test_an_event_at_a_venue_without_one_is_refused_with_a_message(editor):
    starts = timezone.localtime() + datetime.timedelta(days=10)
    response = editor.post(
        "/admin/programme/event/add/",
        {
            "title": "Meet-up",
            "slug": "meet-up",
            "description": "Come along.",
            "organiser": "MHCLG",
            "starts_at_0": starts.strftime("%d/%m/%Y"),
            "starts_at_1": "10:00:00",
            "ends_at_0": starts.strftime("%d/%m/%Y"),
            "ends_at_1": "09:00:00",
            "attendance": "in-person",
            "status": PublicationStatus.PUBLISHED,
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the venue of an event that is not online" in html
    assert "The end must be after the start" in html
    assert not Event.objects.exists()


def test_a_content_editor_adds_a_co_publisher_from_the_register(editor):
    council = OrganisationFactory(name="Adur District Council")

    response = editor.post(
        "/admin/programme/copublisher/add/",
        {"organisation": str(council.pk), "name": "", "kind": "council", "joined_on": "04/07/2018"},
    )

    assert response.status_code == 302
    assert CoPublisher.objects.get().display_name == "Adur District Council"


def test_admin_lists_have_filters_and_search(editor):
    EventFactory(title="Past show and tell", starts_at=timezone.now() - datetime.timedelta(days=5))
    ProgrammePageFactory(title="Training")

    events = editor.get("/admin/programme/event/?when=past&q=show").content.decode()
    pages = editor.get("/admin/programme/programmepage/?status=published").content.decode()

    assert "Past show and tell" in events
    assert "Training" in pages
    assert ProgrammePage.objects.count() == 1


def test_drafts_of_an_event_and_a_programme_page_can_be_previewed(editor):
    parent = ProgrammePageFactory(title="Cyber support")
    page = ProgrammePageFactory(title="Cyber grants", parent=parent, status=PublicationStatus.DRAFT)
    event = EventFactory(title="Draft meet-up", status=PublicationStatus.DRAFT)

    page_preview = editor.get(f"/admin/programme/programmepage/{page.pk}/preview/")
    event_preview = editor.get(f"/admin/programme/event/{event.pk}/preview/")

    assert page_preview.status_code == 200
    breadcrumbs = page_preview.content.decode().split('aria-label="Breadcrumb"')[1]
    assert "Cyber support" in breadcrumbs.split("</nav>")[0]
    assert event_preview.status_code == 200
    assert "Draft meet-up" in event_preview.content.decode()
