"""Staff work on the fund in Django admin: content editors set up rounds,
assessors read the bids as they were submitted, comment on them and add links
to funded projects' outputs."""

import datetime
import importlib
import re
from html import unescape

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from funding import services
from funding.models import (
    Bid,
    BidComment,
    BidState,
    BidSubmission,
    Criterion,
    LinkKind,
    Phase,
    ProjectLink,
    Round,
)
from tests.factories import BidFactory, RoundFactory, decided_bid, signed_council
from tests.signatories.test_admin import page_text
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

BIDS = "/admin/funding/bid/"
ROUNDS = "/admin/funding/round/"


# Helpers shared with the other admin tests of the fund


def make_staff(django_user_model, username: str, group: str | None = None, **fields):
    user = django_user_model.objects.create_user(
        username=username, password="unused-password-123", is_staff=True, **fields
    )
    if group:
        # Made by migration: get it, never create it.
        user.groups.add(Group.objects.get(name=group))
    return user


def submitted_bid(**fields) -> Bid:
    """A complete bid submitted through the service, so it has its frozen copy."""
    bid = BidFactory(**fields)
    return services.bid_submit(bid=bid, email=bid.created_by_email)


def bid_in_assessment(**fields) -> Bid:
    bid = submitted_bid(**fields)
    services.bid_start_assessment(bid=bid, by=None, note="")
    bid.refresh_from_db()
    return bid


def scored(bid: Bid, assessor, scores: list[int]) -> None:
    services.bid_score(
        bid=bid,
        assessor=assessor,
        scores=[
            services.CriterionScore(criterion=criterion, score=score, justification=f"Gave {score}")
            for criterion, score in zip(bid.round.criteria.all(), scores, strict=True)
        ],
    )


def make_copy_older(bid: Bid, *, without: list[str], lead: dict | None = None) -> None:
    """Give the bid the frozen copy it would have had if sent before some
    questions were asked: without the answers named, its lead as `lead`."""
    submission = BidSubmission.objects.get(bid=bid)
    answers = {key: value for key, value in submission.answers.items() if key not in without}
    if lead is not None:
        answers["lead"] = lead
    BidSubmission.objects.filter(pk=submission.pk).update(answers=answers)


def change_url(bid: Bid) -> str:
    return f"{BIDS}{bid.pk}/change/"


def list_rows(response) -> list[str]:
    """Each row of a changelist's table, as text."""
    html = response.content.decode()
    if '<table id="result_list"' not in html:
        return []
    body = html[html.index('<table id="result_list"') :]
    body = body[: body.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)[1:]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def listed_titles(response, bids: dict[str, Bid]) -> list[str]:
    rows = list_rows(response)
    return sorted(name for name, bid in bids.items() if any(bid.title in row for row in rows))


@pytest.fixture
def assessor(django_user_model):
    return make_staff(
        django_user_model, "assessor", "Fund assessors", first_name="Ada", last_name="Okoro"
    )


@pytest.fixture
def assessor_client(client, assessor):
    sign_in_staff(client, assessor)
    return client


@pytest.fixture
def content_editor(django_user_model):
    return make_staff(django_user_model, "editor", "Content editors")


# The groups


def group_permissions(name: str) -> set[tuple[str, str]]:
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def test_fund_assessors_may_assess_bids_but_not_set_up_rounds():
    assert {codename for app, codename in group_permissions("Fund assessors")} == {
        "view_fund",
        "view_round",
        "view_roundphase",
        "view_criterion",
        "view_bid",
        "change_bid",
        "view_bidsubmission",
        "view_bidstatechange",
        "add_score",
        "change_score",
        "view_score",
        "add_bidcomment",
        "view_bidcomment",
        "add_projectlink",
        "change_projectlink",
        "delete_projectlink",
        "view_projectlink",
    }
    assert {app for app, _ in group_permissions("Fund assessors")} == {"funding"}


def test_content_editors_may_set_up_funds_and_rounds_and_keep_the_declaration():
    found = group_permissions("Content editors")

    assert ("declaration", "change_declaration") in found
    assert ("declaration", "change_principle") in found
    for model in ["fund", "round", "roundphase", "criterion"]:
        for action in ["add", "change", "view"]:
            assert ("funding", f"{action}_{model}") in found
    assert ("funding", "delete_roundphase") in found
    assert ("funding", "delete_criterion") in found
    assert ("funding", "delete_round") not in found
    assert not {codename for app, codename in found if app == "funding" and "bid" in codename}


def test_the_group_migration_can_be_undone_and_done_again():
    migration = importlib.import_module("funding.migrations.0002_fund_assessors_group")
    before = group_permissions("Content editors")

    migration.remove_groups(django_apps, None)

    assert not Group.objects.filter(name="Fund assessors").exists()
    assert group_permissions("Content editors") == {
        permission for permission in before if permission[0] != "funding"
    }

    migration.create_groups(django_apps, None)

    assert group_permissions("Content editors") == before
    assert len(group_permissions("Fund assessors")) == 17


# Who may open what


@pytest.mark.parametrize(
    "path",
    [
        "/admin/funding/",
        BIDS,
        ROUNDS,
        "/admin/funding/fund/",
    ],
)
def test_an_assessor_can_open_the_fund_admin(assessor_client, path):
    RoundFactory()

    assert assessor_client.get(path).status_code == 200


def test_an_assessor_can_read_rounds_but_not_change_them(assessor_client):
    round_ = RoundFactory()

    page = assessor_client.get(f"{ROUNDS}{round_.pk}/change/")

    assert page.status_code == 200
    assert 'name="name"' not in page.content.decode()
    assert assessor_client.get(f"{ROUNDS}add/").status_code == 403
    assert assessor_client.post(f"{ROUNDS}{round_.pk}/change/", {"name": "X"}).status_code == 403


def test_a_moderator_without_fund_permissions_is_refused(client, django_user_model):
    sign_in_staff(client, make_staff(django_user_model, "moderator", "Moderators"))
    bid = bid_in_assessment()
    paths = [
        BIDS,
        change_url(bid),
        f"{BIDS}{bid.pk}/score/",
        f"{BIDS}{bid.pk}/move/fund/",
        ROUNDS,
        f"{ROUNDS}{bid.round.pk}/export/",
    ]

    for path in paths:
        assert client.get(path).status_code == 403, path
    assert client.post(f"{BIDS}{bid.pk}/move/fund/", {"seen_state": bid.state}).status_code == 403
    bid.refresh_from_db()
    assert bid.state == BidState.IN_ASSESSMENT


def test_a_content_editor_cannot_read_bids(client, content_editor):
    sign_in_staff(client, content_editor)
    bid = submitted_bid()

    assert client.get(BIDS).status_code == 403
    assert client.get(change_url(bid)).status_code == 403
    assert client.get(f"{ROUNDS}{bid.round.pk}/export/").status_code == 403
    round_page = client.get(f"{ROUNDS}{bid.round.pk}/change/").content.decode()
    assert "Download bids and scores" not in round_page


def test_nobody_adds_or_deletes_bids_in_admin(assessor_client):
    bid = submitted_bid()

    assert assessor_client.get(f"{BIDS}add/").status_code == 403
    assert assessor_client.post(f"{BIDS}{bid.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Bid.objects.filter(pk=bid.pk).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    bid = bid_in_assessment()

    for path in [BIDS, f"{BIDS}{bid.pk}/score/", f"{BIDS}{bid.pk}/move/fund/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


# Funds and rounds


def round_form(fund, **overrides) -> dict:
    data = {
        "fund": fund.pk,
        "name": "Round 9",
        "slug": "round-9",
        "reference_prefix": "R9",
        "summary": "Discovery and alpha projects.",
        "opens_at_0": "2030-01-06",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2030-02-20",
        "closes_at_1": "12:00:00",
        "min_partners": "2",
        "max_bids_per_lead": "2",
        "score_min": "0",
        "score_max": "4",
        "scoring_guide": "- **4**: excellent",
        "guidance": "Read **this** first.",
        "questions_and_answers": "## Who can bid?\n\nCouncils.",
        "phases-TOTAL_FORMS": "2",
        "phases-INITIAL_FORMS": "0",
        "phases-0-phase": "discovery",
        "phases-0-cap": "100000",
        "phases-1-phase": "alpha",
        "phases-1-cap": "180000",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-order": "0",
        "criteria-0-name": "Value for money",
        "criteria-0-weight": "20",
        "criteria-0-description": "Costs are reasonable.",
    }
    data.update(overrides)
    return data


def test_a_content_editor_sets_up_a_round_with_phases_criteria_and_markdown(client, content_editor):
    sign_in_staff(client, content_editor)
    fund = RoundFactory().fund

    response = client.post(f"{ROUNDS}add/", round_form(fund))

    assert response.status_code == 302
    round_ = Round.objects.get(slug="round-9")
    # Entered in UK time: 12:00 in February is 12:00 GMT.
    assert round_.closes_at == datetime.datetime(2030, 2, 20, 12, 0, tzinfo=datetime.UTC)
    assert round_.guidance_html == "<p>Read <strong>this</strong> first.</p>"
    assert round_.cap_for(Phase.ALPHA) == 180_000
    assert [c.name for c in round_.criteria.all()] == ["Value for money"]


def test_summer_dates_are_taken_as_british_summer_time(client, content_editor):
    sign_in_staff(client, content_editor)
    fund = RoundFactory().fund

    client.post(
        f"{ROUNDS}add/", round_form(fund, opens_at_0="2030-06-03", closes_at_0="2030-07-01")
    )

    opens_at = Round.objects.get(slug="round-9").opens_at
    assert opens_at == datetime.datetime(2030, 6, 3, 8, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"closes_at_0": "2030-01-05"},
            "The round must close after it opens. Check both dates and times.",
        ),
        (
            {"closes_at_0": "2030-01-06", "closes_at_1": "09:00:00"},
            "The round must close after it opens. Check both dates and times.",
        ),
        ({"score_max": "0"}, "The highest score must be more than the lowest score (0)."),
        ({"max_bids_per_lead": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"slug": "projects"}, "“projects” is the address of another page."),
        ({"reference_prefix": "r-9"}, "Use capital letters and digits only, for example R7."),
        (
            {"phases-1-phase": "discovery"},
            "Please correct the duplicate data for phase",
        ),
        (
            {"results_published": "on"},
            "Decisions can be published only after the round has closed.",
        ),
    ],
)
def test_a_round_with_inconsistent_rules_is_refused_with_a_message(
    client, content_editor, overrides, message
):
    sign_in_staff(client, content_editor)
    fund = RoundFactory().fund

    response = client.post(f"{ROUNDS}add/", round_form(fund, **overrides))

    assert response.status_code == 200
    assert message in page_text(response)
    assert not Round.objects.filter(slug__in=["round-9", "projects"]).exists()


def test_the_round_list_shows_dates_whether_open_and_bids_submitted(assessor_client):
    open_round = RoundFactory(name="Round Open")
    RoundFactory(
        name="Round Closed",
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    submitted_bid(round=open_round)
    submitted_bid(round=open_round)
    BidFactory(round=open_round)  # a draft is not counted

    response = assessor_client.get(ROUNDS)

    rows = list_rows(response)
    [open_row] = [row for row in rows if "Round Open" in row]
    [closed_row] = [row for row in rows if "Round Closed" in row]
    assert open_row.endswith(" 2")
    assert closed_row.endswith(" 0")
    html = response.content.decode()
    open_html = html[html.index("Round Open") :].split("</tr>")[0]
    closed_html = html[html.index("Round Closed") :].split("</tr>")[0]
    assert 'alt="True"' in open_html
    assert 'alt="False"' in closed_html


def test_a_criterion_with_scores_cannot_be_deleted_from_its_round(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", password="unused-pass-123")
    sign_in_staff(client, superuser)
    bid = bid_in_assessment()
    scored(bid, superuser, [3, 2, 4])
    round_ = bid.round
    criteria = list(round_.criteria.all())
    phases = list(round_.phases.all())
    data = round_form(
        round_.fund,
        name=round_.name,
        slug=round_.slug,
        reference_prefix=round_.reference_prefix,
        **{
            "opens_at_0": timezone.localtime(round_.opens_at).strftime("%Y-%m-%d"),
            "opens_at_1": timezone.localtime(round_.opens_at).strftime("%H:%M:%S"),
            "closes_at_0": timezone.localtime(round_.closes_at).strftime("%Y-%m-%d"),
            "closes_at_1": timezone.localtime(round_.closes_at).strftime("%H:%M:%S"),
            "phases-TOTAL_FORMS": str(len(phases)),
            "phases-INITIAL_FORMS": str(len(phases)),
            "criteria-TOTAL_FORMS": str(len(criteria)),
            "criteria-INITIAL_FORMS": str(len(criteria)),
        },
    )
    for index, phase in enumerate(phases):
        data |= {
            f"phases-{index}-id": phase.pk,
            f"phases-{index}-round": round_.pk,
            f"phases-{index}-phase": phase.phase,
            f"phases-{index}-cap": phase.cap,
        }
    for index, criterion in enumerate(criteria):
        data |= {
            f"criteria-{index}-id": criterion.pk,
            f"criteria-{index}-round": round_.pk,
            f"criteria-{index}-order": criterion.order,
            f"criteria-{index}-name": criterion.name,
            f"criteria-{index}-weight": criterion.weight,
            f"criteria-{index}-description": "",
        }
    data["criteria-0-DELETE"] = "on"

    response = client.post(f"{ROUNDS}{round_.pk}/change/", data)

    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in page_text(response)
    assert Criterion.objects.filter(pk=criteria[0].pk).exists()


# The list of bids


def test_drafts_are_left_out_of_the_list_unless_asked_for(assessor_client):
    draft = BidFactory(title="A draft still being written")
    submitted = submitted_bid(title="A submitted bid")
    bids = {"draft": draft, "submitted": submitted}

    assert listed_titles(assessor_client.get(BIDS), bids) == ["submitted"]
    assert listed_titles(assessor_client.get(BIDS, {"state": "any"}), bids) == [
        "draft",
        "submitted",
    ]
    assert listed_titles(assessor_client.get(BIDS, {"state": "draft"}), bids) == ["draft"]
    assert "All but drafts" in page_text(assessor_client.get(BIDS))


def test_the_list_shows_each_bid_with_its_average_weighted_score(assessor_client, assessor):
    bid = bid_in_assessment(title="Shared waste booking", phase=Phase.ALPHA, amount=150_000)
    scored(bid, assessor, [3, 2, 4])  # 300 out of 400: 75.0%
    BidFactory(title="Unscored draft")

    [row] = list_rows(assessor_client.get(BIDS))

    assert row.startswith(f"{bid.reference} Shared waste booking {bid.lead.name} Alpha £150,000")
    assert "In assessment 75.0% (1 assessor)" in row


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["alpha", "funded", "north"]),
        ({"state": "funded"}, ["funded"]),
        ({"state": "in_assessment"}, ["north"]),
        ({"phase__exact": "alpha"}, ["alpha"]),
        ({"lead__region": "North West"}, ["north"]),
        ({"q": "Hilltop"}, ["alpha"]),
        ({"q": "cycle lanes"}, ["funded"]),
    ],
)
def test_the_list_can_be_filtered_and_searched(assessor_client, query, expected):
    bids = {
        "alpha": submitted_bid(
            lead=signed_council(name="Hilltop Borough Council"),
            phase=Phase.ALPHA,
            amount=150_000,
        ),
        "north": bid_in_assessment(lead=signed_council(region="North West")),
        "funded": submitted_bid(title="Cycle lanes mapped"),
    }
    Bid.objects.filter(pk=bids["funded"].pk).update(
        state=BidState.FUNDED, decided_at=timezone.now()
    )

    assert listed_titles(assessor_client.get(BIDS, query), bids) == expected


def test_the_list_can_be_filtered_by_round_and_lead(assessor_client):
    first, second = RoundFactory(), RoundFactory()
    lead = signed_council(name="Lakeside District Council")
    bids = {
        "first": submitted_bid(round=first, lead=lead, title="Lakeside's first"),
        "second": submitted_bid(round=second, lead=lead, title="Lakeside's second"),
        "other": submitted_bid(round=first, title="Someone else's"),
    }

    assert listed_titles(assessor_client.get(BIDS, {"round__id__exact": first.pk}), bids) == [
        "first",
        "other",
    ]
    assert listed_titles(assessor_client.get(BIDS, {"lead__id__exact": lead.pk}), bids) == [
        "first",
        "second",
    ]
    assert listed_titles(assessor_client.get(BIDS, {"q": bids["second"].reference}), bids) == [
        "second"
    ]
    page = page_text(assessor_client.get(BIDS))
    for heading in ["By round", "By state", "By phase", "By lead's region", "By lead"]:
        assert heading in page


def test_the_list_reads_the_same_number_of_queries_however_many_bids_and_scores(
    assessor_client, assessor, django_user_model
):
    other = make_staff(django_user_model, "second", "Fund assessors")

    def queries_for_list() -> int:
        # The first request after signing in may read the session; count the next.
        assessor_client.get(BIDS)
        with CaptureQueriesContext(connection) as captured:
            assert assessor_client.get(BIDS).status_code == 200
        return len(captured)

    bid = bid_in_assessment()
    scored(bid, assessor, [1, 2, 3])
    few = queries_for_list()
    for _ in range(4):
        more = bid_in_assessment(round=bid.round)
        scored(more, assessor, [4, 4, 4])
        scored(more, other, [0, 1, 2])
    submitted_bid()

    assert queries_for_list() == few


# A bid's page


def test_the_bid_page_shows_the_frozen_copy_not_later_changes(assessor_client):
    bid = submitted_bid(title="Shared case management", summary="Councils share one tool.")
    Bid.objects.filter(pk=bid.pk).update(
        title="Changed after submission", summary="Rewritten later.", amount=1
    )

    response = assessor_client.get(change_url(bid))

    page = page_text(response)
    assert response.status_code == 200
    assert "Shared case management" in page
    assert "Councils share one tool." in page
    assert "Amount asked for £90,000" in page
    assert "Changed after submission" not in response.content.decode()
    assert "Rewritten later." not in page


def test_the_bid_page_shows_every_section_of_the_submitted_bid(assessor_client):
    first, second = signed_council(name="Eastwick Council"), signed_council(name="Westwick Council")
    bid = submitted_bid(partners=[first, second])

    page = page_text(assessor_client.get(change_url(bid)))

    for heading in [
        "Project summary",
        "Problem and users",
        "Partners",
        "Phase and budget",
        "Delivery plan and team",
        "How it meets the principles",
        "Attachments",
        "Declarations and senior sponsor",
    ]:
        assert heading in page
    assert "Eastwick Council (Non-metropolitan district, South East)" in page
    assert "Westwick Council" in page
    assert "Lead council Product manager £45,000" in page
    assert "Supplier User research agency £45,000 Total £90,000" in page
    assert "1. Design services around the needs of people" in page
    assert "Enforcement officers track cases in spreadsheets." in page
    assert "Alex Morgan, Director of Place, alex.morgan@example.gov.uk" in page
    assert "Outputs published under an open licence Yes" in page


def test_the_bid_page_shows_a_copy_frozen_before_some_questions_were_asked(assessor_client):
    bid = submitted_bid(title="Shared case management")
    make_copy_older(
        bid, without=["sponsor", "attachments", "team"], lead={"name": "Northam Council"}
    )

    response = assessor_client.get(change_url(bid))

    page = page_text(response)
    assert response.status_code == 200
    assert "Shared case management" in page
    assert "Lead council Northam Council Partner councils" in page
    assert "Team Not given" in page
    assert "Files None" in page
    assert "Senior sponsor Not given" in page


def test_the_bid_page_is_read_only(assessor_client):
    bid = submitted_bid(title="Original title")

    response = assessor_client.get(change_url(bid))
    saved = assessor_client.post(
        change_url(bid),
        {
            "title": "Edited in admin",
            "state": "funded",
            **empty_inline_forms(bid),
        },
    )

    html = response.content.decode()
    for field in ["title", "summary", "amount", "state", "phase", "partners"]:
        assert f'name="{field}"' not in html
    assert saved.status_code == 302
    bid.refresh_from_db()
    assert bid.title == "Original title"
    assert bid.state == BidState.SUBMITTED


def test_the_bid_page_links_to_attachments_for_download(assessor_client):
    bid = BidFactory()
    upload = SimpleUploadedFile(
        "plan.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", content_type="application/pdf"
    )
    attachment = services.bid_add_attachment(bid=bid, upload=upload, email=bid.created_by_email)
    bid = services.bid_submit(bid=bid, email=bid.created_by_email)

    response = assessor_client.get(change_url(bid))

    url = reverse("apply:attachment", kwargs={"pk": bid.pk, "token": attachment.token})
    assert f'href="{url}"' in response.content.decode()
    assert "plan.pdf (PDF," in page_text(response)


def test_a_draft_page_shows_no_answers(assessor_client):
    draft = BidFactory(title="Unfinished idea")

    response = assessor_client.get(change_url(draft))

    page = page_text(response)
    assert response.status_code == 200
    assert "This bid has not been submitted." in page
    assert "Enforcement officers track cases in spreadsheets." not in page


def test_the_bid_page_shows_the_history_with_who_when_and_why(assessor_client, assessor):
    bid = submitted_bid()
    services.bid_start_assessment(bid=bid, by=assessor, note="All documents present.")

    page = page_text(assessor_client.get(change_url(bid)))

    assert "Submitted In assessment assessor All documents present." in page
    assert f"Draft Submitted {bid.created_by_email} (officer)" in page


def test_the_bid_page_shows_each_assessors_scores_totals_and_the_average(
    assessor_client, assessor, django_user_model
):
    other = make_staff(django_user_model, "bo", "Fund assessors", first_name="Bo", last_name="Li")
    bid = bid_in_assessment()
    scored(bid, assessor, [3, 2, 4])  # 120 + 60 + 120 = 300 of 400
    scored(bid, other, [4, 4, 2])  # 160 + 120 + 60 = 340 of 400

    page = page_text(assessor_client.get(change_url(bid)))

    assert "Ada Okoro: 300 out of 400 (75.0%)" in page
    assert "Bo Li: 340 out of 400 (85.0%)" in page
    assert "Average weighted score: 80.0%, from 2 assessors who scored every criterion." in page
    assert "Strategic fit 40 3 out of 4 Gave 3" in page


def empty_inline_forms(bid: Bid, **extra) -> dict:
    """The management data of the inlines on a bid's page, with no rows changed."""
    data = {
        "state_changes-TOTAL_FORMS": str(bid.state_changes.count()),
        "state_changes-INITIAL_FORMS": str(bid.state_changes.count()),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }
    if bid.state == BidState.FUNDED:
        data |= {"links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"}
    data.update(extra)
    return data


def test_an_assessor_adds_a_comment_signed_with_their_name(assessor_client, assessor):
    bid = submitted_bid()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{
                "comments-TOTAL_FORMS": "1",
                "comments-0-text": "  Check the partner letters.  ",
                "comments-0-bid": bid.pk,
            },
        ),
        follow=True,
    )

    comment = BidComment.objects.get(bid=bid)
    assert comment.author == assessor
    assert comment.text == "Check the partner letters."
    page = page_text(response)
    assert f"Your changes to {bid.reference} are saved." in page
    assert "Check the partner letters." in page
    # Saved comments are read-only: no field holds one.
    assert "comments-0-text" not in response.content.decode()


def test_a_blank_comment_adds_nothing(assessor_client):
    bid = submitted_bid()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{"comments-TOTAL_FORMS": "1", "comments-0-text": "   ", "comments-0-bid": bid.pk},
        ),
    )

    assert response.status_code == 302
    assert not BidComment.objects.exists()


def test_links_to_outputs_and_sprint_notes_are_added_to_funded_bids_only(assessor_client):
    bid = bid_in_assessment()
    before = assessor_client.get(change_url(bid)).content.decode()
    assert "links-TOTAL_FORMS" not in before
    Bid.objects.filter(pk=bid.pk).update(state=BidState.FUNDED, decided_at=timezone.now())
    bid.refresh_from_db()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
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
    link = ProjectLink.objects.get(bid=bid)
    assert (link.kind, link.title, link.url) == (
        LinkKind.SPRINT_NOTE,
        "Sprint 2 notes",
        "https://example.org/sprint-2",
    )
    page = page_text(assessor_client.get(change_url(bid)))
    assert "Links to outputs and sprint notes" in page


def test_a_link_must_be_a_web_address(assessor_client):
    bid = bid_in_assessment()
    Bid.objects.filter(pk=bid.pk).update(state=BidState.FUNDED, decided_at=timezone.now())
    bid.refresh_from_db()

    response = assessor_client.post(
        change_url(bid),
        empty_inline_forms(
            bid,
            **{
                "links-TOTAL_FORMS": "1",
                "links-0-bid": bid.pk,
                "links-0-kind": LinkKind.OUTPUT,
                "links-0-title": "Report",
                "links-0-url": "javascript:alert(1)",
            },
        ),
    )

    assert response.status_code == 200
    assert "Enter a valid URL." in page_text(response)
    assert not ProjectLink.objects.exists()


def test_an_unknown_bid_is_not_found(assessor_client):
    for path in [f"{BIDS}999999/score/", f"{BIDS}999999/move/fund/"]:
        assert assessor_client.get(path).status_code == 404
    assert assessor_client.get(f"{BIDS}1/move/approve/").status_code == 404
    assert assessor_client.get(f"{ROUNDS}999999/export/").status_code == 404


def test_decisions_cannot_be_published_while_a_bid_awaits_its_outcome(client, content_editor):
    sign_in_staff(client, content_editor)
    waiting = decided_bid(state=BidState.IN_ASSESSMENT)
    round_ = waiting.round
    # The form below brings its own phases and criterion.
    round_.phases.all().delete()
    round_.criteria.all().delete()
    Round.objects.filter(pk=round_.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    data = round_form(
        round_.fund,
        name=round_.name,
        slug=round_.slug,
        reference_prefix=round_.reference_prefix,
        opens_at_0="2020-01-06",
        closes_at_0="2020-02-20",
        results_published="on",
    )

    response = client.post(f"{ROUNDS}{round_.pk}/change/", data)

    assert response.status_code == 200
    assert "Record an outcome for every bid before publishing the decisions" in (
        response.content.decode()
    )
    round_.refresh_from_db()
    assert not round_.results_published


@pytest.mark.parametrize("query", ["state=%00", "phase=%00", "lead__region=%00", "q=%00"])
def test_a_nul_byte_in_the_bid_lists_filters_is_a_bad_request_not_an_error(assessor_client, query):
    decided_bid(state=BidState.SUBMITTED)

    response = assessor_client.get(f"/admin/funding/bid/?{query}")

    assert response.status_code == 400
