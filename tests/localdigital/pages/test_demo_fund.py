"""`make run` loads a demo fund: an open round, and a closed round with funded
and unfunded projects, all made by the demo signatories through the services."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from funding import ranking, scoring
from funding.grant_schemas import package_errors
from funding.models import (
    Bid,
    BidState,
    BidStateChange,
    BidSubmission,
    Fund,
    ProjectLink,
    Round,
    Score,
)
from localdigital.pages.demo.fund import create_demo_fund
from localdigital.pages.demo.fund_content import CRITERIA
from sharing.models import ProjectUpdate
from tests.admin_pages import make_staff, page_text
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # the demo loads only for local development
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in [Fund, Round, Bid, BidSubmission, BidStateChange, Score, ProjectLink]
    }


def test_loading_the_demo_again_adds_nothing(demo):
    before = counts()

    call_command("load_demo_content")

    assert counts() == before
    assert create_demo_fund() == 0
    assert before["Fund"] == 1
    assert before["Round"] == 2


def test_the_demo_has_an_open_round_set_up_as_the_brief_describes(demo):
    [open_round] = Round.objects.open()
    now = timezone.now()

    assert open_round.opens_at < now - timezone.timedelta(days=6)
    assert open_round.closes_at > now + timezone.timedelta(days=20)
    assert {phase.phase: phase.cap for phase in open_round.phases.all()} == {
        "discovery": 100_000,
        "alpha": 180_000,
        "beta": 350_000,
    }
    assert (open_round.min_partners, open_round.max_bids_per_lead) == (2, 2)
    assert (open_round.score_min, open_round.score_max) == (0, 4)
    assert [(c.name, c.weight) for c in open_round.criteria.all()] == [
        (name, weight) for name, weight, _ in CRITERIA
    ]
    assert sum(c.weight for c in open_round.criteria.all()) == 100
    assert "<h2>" in open_round.guidance_html
    assert "<h2>" in open_round.questions_and_answers_html
    assert "<strong>4</strong>" in open_round.scoring_guide_html
    assert not open_round.results_published
    assert Fund.objects.get().description_html.startswith("<p>The Local Digital Fund")


def test_the_closed_round_has_published_decisions_with_funded_projects(demo):
    closed = Round.objects.get(results_published=True)
    bids = list(closed.bids.order_by("number"))

    assert not closed.is_open()
    assert closed.has_closed()
    assert [bid.state for bid in bids] == [
        BidState.FUNDED,
        BidState.FUNDED,
        BidState.NOT_FUNDED,
        BidState.NOT_FUNDED,
    ]
    assert [bid.reference for bid in bids] == ["R6-0001", "R6-0002", "R6-0003", "R6-0004"]
    assert Bid.objects.funded().count() == 2
    # The blue badge alpha was awarded £150,000 of the £170,000 it asked for.
    assert Bid.objects.totals() == {"projects": 2, "awarded": 95_000 + 150_000}
    for bid in bids:
        links = list(bid.links.all())
        assert bool(links) == (bid.state == BidState.FUNDED)
        # Submitted while the round was open, decided after it closed.
        assert closed.opens_at < bid.submitted_at < closed.closes_at
        assert bid.decided_at > closed.closes_at
        assert bid.submission.submitted_at == bid.submitted_at
        assert bid.submission.answers["title"] == bid.title
        history = list(bid.state_changes.order_by("at"))
        assert [change.to_state for change in history] == [
            BidState.DRAFT,
            BidState.SUBMITTED,
            BidState.IN_ASSESSMENT,
            bid.state,
        ]
        assert history[-1].by_user.username == "demo-assessor-1"
        assert history[-1].note
        totals = scoring.totals_by_assessor(
            scores=bid.scores.all(), criteria=closed.criteria.all(), round_=closed
        )
        assert len(totals) == 2
        assert None not in totals.values()


def test_funded_projects_score_higher_than_the_others(demo):
    closed = Round.objects.get(results_published=True)

    def average(bid):
        totals = scoring.totals_by_assessor(
            scores=bid.scores.all(), criteria=closed.criteria.all(), round_=closed
        )
        return scoring.average_percentage(totals.values())

    funded = [average(bid) for bid in closed.bids.filter(state=BidState.FUNDED)]
    not_funded = [average(bid) for bid in closed.bids.filter(state=BidState.NOT_FUNDED)]
    assert min(funded) > max(not_funded)


def test_the_decided_round_has_a_panel_record_a_funding_line_and_payments(demo):
    closed = Round.objects.get(results_published=True)
    decided = list(closed.bids.decided().prefetch_related("agreed_scores", "feedback"))
    result = ranking.rank(closed, decided)

    assert closed.budget == 250_000
    criteria = closed.criteria.count()
    assert all(len(bid.agreed_scores.all()) == criteria for bid in decided)
    assert all(len(bid.feedback.all()) == criteria for bid in decided)
    assert {bid.approval.approver_role for bid in decided} == {"Minister for Local Government"}
    # The funded bids are the ones above the funding line.
    above = {row.bid.state for row in result.ranked if row.above_line}
    below = {row.bid.state for row in result.ranked if not row.above_line}
    assert (above, below) == ({BidState.FUNDED}, {BidState.NOT_FUNDED})
    awards = {bid.title: (bid.amount, bid.awarded, bid.paid_to_date) for bid in decided}
    assert (170_000, 150_000, 75_000) in awards.values()
    assert (95_000, 95_000, 95_000) in awards.values()


def test_the_open_round_has_bids_waiting_for_assessors(demo):
    open_round = Round.objects.open().get()

    assert sorted(open_round.bids.values_list("state", flat=True)) == [
        BidState.IN_ASSESSMENT,
        BidState.SUBMITTED,
    ]


def test_every_demo_bid_satisfies_the_rules_of_its_round(demo):
    for bid in Bid.objects.with_answers():
        answers = bid.submission.answers
        partners = list(bid.partners.all())
        assert bid.lead.is_council
        assert len(partners) >= bid.round.min_partners
        assert bid.lead not in partners
        assert bid.amount <= bid.round.cap_for(bid.phase)
        assert bid.cost_total == bid.amount
        assert answers["amount"] == bid.amount
        assert len(answers["partners"]) == len(partners)
        assert bid.lead_slot is not None
    for round_ in Round.objects.all():
        leads = list(round_.bids.values_list("lead", flat=True))
        assert all(leads.count(lead) <= round_.max_bids_per_lead for lead in leads)


def test_every_demo_row_passes_its_models_constraints(demo):
    for model in apps.get_app_config("funding").get_models():
        for row in model.objects.all():
            row.validate_constraints()


def test_demo_assessors_cannot_sign_in(demo):
    for assessor in get_user_model().objects.filter(username__startswith="demo-assessor"):
        assert not assessor.has_usable_password()
        assert assessor.groups.filter(name="Fund assessors").exists()


def test_the_demo_bids_can_be_read_in_admin(demo, client, django_user_model):
    sign_in_staff(client, make_staff(django_user_model, "manager", "Fund managers"))
    funded = Bid.objects.filter(state=BidState.FUNDED).first()

    listing = client.get("/admin/funding/bid/")
    page = client.get(f"/admin/funding/bid/{funded.pk}/change/")

    assert listing.status_code == 200
    assert page.status_code == 200
    assert "Jordan Reed:" in page_text(page)
    assert "Morgan Lee:" in page_text(page)
    assert funded.links.first().title in page_text(page)


def test_without_the_demo_councils_the_fund_is_made_without_bids():
    assert create_demo_fund() == 0

    assert Round.objects.count() == 2
    assert not Bid.objects.exists()


def test_the_demo_publishes_its_funded_projects_as_valid_360giving_grants(demo, client):
    document = json.loads(client.get("/fund/grants.json").getvalue())

    assert package_errors(document) == []
    assert len(document["grants"]) == Bid.objects.funded().count() > 0
    assert all(
        grant["recipientOrganization"][0]["id"].startswith("GB-LA") for grant in document["grants"]
    )


def test_demo_funded_projects_show_updates_from_their_officers(client, demo):
    project = Bid.objects.funded().order_by("pk").first()
    updates = ProjectUpdate.objects.filter(bid=project)

    assert updates.count() == 2
    assert {update.author_email for update in updates} == {project.submitted_by_email}
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Show and tell: the first prototype" in page
    assert all(update.published_at > project.decided_at for update in updates)


def test_loading_the_demo_again_posts_no_more_updates(demo):
    before = ProjectUpdate.objects.count()
    call_command("load_demo_content")

    assert ProjectUpdate.objects.count() == before
