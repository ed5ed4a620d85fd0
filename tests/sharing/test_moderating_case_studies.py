"""Staff read proposals in admin, edit their words, and publish or decline
them (a reason is needed, and emailed) with move buttons; each move is in the
case study's history. Staff may also write and publish one themselves."""

import pytest
from django.core import mail

from declaration.models import Principle, ServiceArea
from sharing.models import CaseStudy, CaseStudyState
from tests.admin_pages import make_staff, page_text
from tests.factories import content_editor_user, moderator_user, signed_council
from tests.sharing.cases import AREA, propose
from tests.staff import sign_in_staff

CASES = "/admin/sharing/casestudy/"


@pytest.fixture
def moderator(client, db):
    sign_in_staff(client, moderator_user(is_staff=True))
    return client


@pytest.fixture
def council(db):
    return signed_council(name="Leadshire County Council", email_domains="leadshire.gov.uk")


def _move(client, case_study, move, note=""):
    return client.post(
        f"{CASES}{case_study.pk}/move/{move}/", {"seen_state": case_study.state, "note": note}
    )


def test_proposals_are_listed_and_filtered_by_state(moderator, council):
    propose([council], title="Waiting proposal")

    listing = moderator.get(f"{CASES}?state__exact=proposed")

    assert "Waiting proposal" in page_text(listing)
    assert "Waiting proposal" not in page_text(moderator.get(f"{CASES}?state__exact=published"))


def test_publishing_makes_it_public_records_it_and_emails_the_officer(
    moderator, council, client, django_capture_on_commit_callbacks
):
    case_study = propose([council])
    page = moderator.get(f"{CASES}{case_study.pk}/change/")
    assert "Publish" in page_text(page) and "Decline" in page_text(page)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _move(moderator, case_study, "publish")

    assert response.status_code == 302
    case_study.refresh_from_db()
    assert case_study.state == CaseStudyState.PUBLISHED
    assert case_study.published_at is not None
    assert case_study.history.latest("pk").by_label == "moderator"
    [email] = mail.outbox
    assert email.to == ["priya.shah@leadshire.gov.uk"]
    assert f"http://testserver/case-studies/{case_study.slug}/" in email.body


def test_declining_needs_a_reason_which_is_emailed_and_kept(
    moderator, council, django_capture_on_commit_callbacks
):
    case_study = propose([council])
    mail.outbox.clear()

    refused = _move(moderator, case_study, "decline", note="")
    assert "Enter the reason for declining the case study." in page_text(refused)
    case_study.refresh_from_db()
    assert case_study.state == CaseStudyState.PROPOSED

    with django_capture_on_commit_callbacks(execute=True):
        _move(moderator, case_study, "decline", note="It names a resident.")

    case_study.refresh_from_db()
    assert case_study.state == CaseStudyState.DECLINED
    assert case_study.history.latest("pk").note == "It names a resident."
    [email] = mail.outbox
    assert "It names a resident." in email.body
    assert "It names a resident." in page_text(moderator.get(f"{CASES}{case_study.pk}/change/"))


def test_a_stale_page_changes_nothing(moderator, council):
    case_study = propose([council])
    _move(moderator, case_study, "publish")

    response = _move(moderator, case_study, "decline", note="Too late.")

    assert response.status_code == 302
    case_study.refresh_from_db()
    assert case_study.state == CaseStudyState.PUBLISHED


def test_staff_without_the_permission_see_no_buttons_and_cannot_move(
    client, django_user_model, council
):
    sign_in_staff(client, make_staff(django_user_model, "reader"))
    case_study = propose([council])

    assert _move(client, case_study, "publish").status_code == 403
    case_study.refresh_from_db()
    assert case_study.state == CaseStudyState.PROPOSED


def test_a_content_editor_writes_one_in_admin_and_publishes_it(client, council):
    editor = content_editor_user()
    sign_in_staff(client, editor)
    form = page_text(client.get(f"{CASES}add/"))
    assert "Leadshire County Council" in form

    response = client.post(
        f"{CASES}add/",
        {
            "title": "Open data for planning",
            "councils": [council.pk],
            "principles": [Principle.objects.get(number=5).pk],
            "service_area": ServiceArea.objects.get(slug=AREA).pk,
            "summary": "Planning data, open.",
            "problem": "Nobody could find it.",
            "what_was_done": "We published it.",
            "outcomes-TOTAL_FORMS": "1",
            "outcomes-INITIAL_FORMS": "0",
            "outcomes-0-measure": "Downloads a month",
            "outcomes-0-figure": "1,200",
            "outcomes-0-position": "0",
            "history-TOTAL_FORMS": "0",
            "history-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, page_text(response)
    case_study = CaseStudy.objects.get()
    assert case_study.state == CaseStudyState.PROPOSED
    assert case_study.history.get().by_label == "editor"
    _move(client, case_study, "publish")
    case_study.refresh_from_db()
    assert case_study.state == CaseStudyState.PUBLISHED
    assert not mail.outbox
