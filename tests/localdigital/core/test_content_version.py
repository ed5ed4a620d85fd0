"""Every kind of public change shows on the very next request, with the page cache on.

Each test has a visitor draw the page (now kept in the cache), makes the
change the way it is made for real (the service, or a member of staff's POST
to admin, in their own browser session), and has the visitor ask again.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone

from declaration.models import Principle
from funding.models import BidState, LinkKind, Round
from funding.services import bid_decide
from localdigital.core.models import ContentVersion
from signatories import services
from signatories.models import LinkPurpose, SignUpState
from signatories.services import find_link
from tests.factories import SignUpFactory, decided_bid, decision_for, moderator_user
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(page_cache):
    return Client()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the change's transaction to commit, as a real commit would.

    (Each test runs inside a transaction that is never committed.)
    """
    return django_capture_on_commit_callbacks


@pytest.fixture
def staff(client):
    """A member of staff's own browser, apart from the visitor's."""
    return client


# What staff post, kept here rather than borrowed from the admin's own tests
# (which have their own copies): only what these changes need.


def make_staff(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))  # made by migration
    return user


def round_form(round_, **fields) -> dict:
    """The round's admin form as a content editor sends it, with one phase and criterion."""
    return {
        "fund": round_.fund.pk,
        "name": round_.name,
        "slug": round_.slug,
        "reference_prefix": round_.reference_prefix,
        "summary": "Discovery and alpha projects.",
        "opens_at_0": "2020-01-06",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2020-02-20",
        "closes_at_1": "12:00:00",
        "min_partners": "2",
        "min_assessors": "2",
        "max_bids_per_lead": "2",
        "score_min": "0",
        "score_max": "4",
        "scoring_guide": "- **4**: excellent",
        "guidance": "Read this first.",
        "questions_and_answers": "Councils may bid.",
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-0-phase": "discovery",
        "phases-0-cap": "100000",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-order": "0",
        "criteria-0-name": "Value for money",
        "criteria-0-weight": "20",
        "criteria-0-description": "Costs are reasonable.",
        **fields,
    }


def bid_form(bid, **fields) -> dict:
    """A funded bid's admin page as an assessor sends it: its inlines, none changed."""
    changes = bid.state_changes.count()
    return {
        "state_changes-TOTAL_FORMS": str(changes),
        "state_changes-INITIAL_FORMS": str(changes),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "payments-TOTAL_FORMS": "0",
        "payments-INITIAL_FORMS": "0",
        **fields,
    }


def sign_link(message):
    token = re.search(r"/sign/[^/\s]+/([^/\s]+)/", message.body).group(1)
    return find_link(token=token, purpose=LinkPurpose.SIGN)


def seen(visitor, path: str) -> str:
    response = visitor.get(path)
    assert response.status_code == 200
    return response.getvalue().decode()  # a page, or a streamed file


def test_the_page_is_kept_until_something_changes(visitor):
    SignUpFactory(state=SignUpState.SIGNED, organisation__name="Testshire County Council")
    before = ContentVersion.objects.get().number
    seen(visitor, "/signatories/")

    seen(visitor, "/signatories/")

    assert ContentVersion.objects.get().number == before


def test_a_sign_up_signed_shows_at_once(visitor, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(
        state=SignUpState.AWAITING_REVIEW, organisation__name="Otherton Borough Council"
    )
    assert "Otherton" not in seen(visitor, "/signatories/")
    assert "Otherton" not in seen(visitor, "/")
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_approve(sign_up=sign_up, by=moderator_user())
    link = sign_link(mail.outbox[-1])

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_sign(link=link, typed_name="Tom Evans")

    assert "Otherton" in seen(visitor, "/signatories/")
    assert "Otherton" in seen(visitor, "/")
    assert "Otherton" in seen(visitor, "/signatories.csv")


def test_a_signatory_removed_goes_at_once(visitor, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=SignUpState.SIGNED, organisation__name="Otherton Borough Council")
    page = sign_up.organisation.get_absolute_url()
    assert "Otherton" in seen(visitor, "/signatories/")
    seen(visitor, page)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_remove(sign_up=sign_up, by=moderator_user(), reason="Asked to leave.")

    assert "Otherton" not in seen(visitor, "/signatories/")
    assert visitor.get(page).status_code == 410


def test_content_edited_in_admin_shows_at_once(visitor, staff, django_user_model, committed):
    principle = Principle.objects.get(number=5)
    assert "Work in the open" not in seen(visitor, "/declaration/")
    sign_in_staff(staff, make_staff(django_user_model, "editor", "Content editors"))

    with committed(execute=True):
        response = staff.post(
            f"/admin/declaration/principle/{principle.pk}/change/",
            {
                "number": "5",
                "title": "Work in the open",
                "slug": principle.slug,
                "summary": "Share everything you can.",
                "commitments": "- publish our plans",
            },
        )

    assert response.status_code == 302
    assert "Work in the open" in seen(visitor, "/declaration/")
    assert "Work in the open" in seen(visitor, "/")


def closed_round_with_a_funded_bid():
    bid = decided_bid(state=BidState.FUNDED, title="Shared waste booking service")
    round_ = bid.round
    # The admin form below brings its own phases and criterion.
    round_.phases.all().delete()
    round_.criteria.all().delete()
    Round.objects.filter(pk=round_.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    return bid, round_


def test_bid_decisions_published_in_admin_show_at_once(
    visitor, staff, django_user_model, committed
):
    bid, round_ = closed_round_with_a_funded_bid()
    assert "Shared waste booking service" not in seen(visitor, "/fund/bids/")
    sign_in_staff(staff, make_staff(django_user_model, "editor", "Content editors"))

    with committed(execute=True):
        response = staff.post(
            f"/admin/funding/round/{round_.pk}/change/",
            round_form(round_, results_published="on"),
        )

    assert response.status_code == 302
    assert "Shared waste booking service" in seen(visitor, "/fund/bids/")
    assert "Shared waste booking service" in seen(visitor, "/fund/projects/")


def test_an_outcome_recorded_in_a_published_round_shows_at_once(visitor, committed):
    bid, round_ = closed_round_with_a_funded_bid()
    Round.objects.filter(pk=round_.pk).update(results_published=True)
    waiting = decided_bid(
        state=BidState.IN_ASSESSMENT, round=round_, title="Open housing repairs data"
    )
    assert "Open housing repairs data" not in seen(visitor, "/fund/projects/")

    with committed(execute=True):
        bid_decide(
            bid=waiting, funded=True, by=None, decision=decision_for(waiting), note="Strong case."
        )

    assert "Open housing repairs data" in seen(visitor, "/fund/projects/")


def test_a_project_link_added_in_admin_shows_at_once(visitor, staff, django_user_model, committed):
    bid, round_ = closed_round_with_a_funded_bid()
    Round.objects.filter(pk=round_.pk).update(results_published=True)
    page = bid.get_absolute_url()
    assert "Sprint 2 notes" not in seen(visitor, page)
    sign_in_staff(staff, make_staff(django_user_model, "manager", "Fund managers"))

    with committed(execute=True):
        response = staff.post(
            f"/admin/funding/bid/{bid.pk}/change/",
            bid_form(
                bid,
                **{
                    "links-TOTAL_FORMS": "1",
                    "links-0-bid": bid.pk,
                    "links-0-kind": LinkKind.SPRINT_NOTE,
                    "links-0-title": "Sprint 2 notes",
                    "links-0-url": "https://example.org/sprint-2",
                },
            ),
        )

    assert response.status_code == 302
    assert "Sprint 2 notes" in seen(visitor, page)
