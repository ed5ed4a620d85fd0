"""The fund's public pages as a visitor sees them: the fund, its rounds, bids and projects."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from declaration.models import Principle, ServiceArea
from funding.models import BidState, Fund, LinkKind, Phase, ProjectLink
from funding.views import BID_SORTS
from localdigital.core.lists import PAGE_SIZE
from tests.factories import (
    BidFactory,
    FundFactory,
    RoundFactory,
    decided_bid,
    signed_council,
)
from tests.hostile import fresh_client, hostile, hostile_text, post_data

pytestmark = pytest.mark.django_db

UK = zoneinfo.ZoneInfo("Europe/London")


def text(response) -> str:
    """The page's text as a person reads it: tags gone, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title|head)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return text.replace("&#39;", "'").replace("&amp;", "&")


def days(n: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=n)


def open_round(**fields):
    fields.setdefault("opens_at", days(-10))
    fields.setdefault("closes_at", days(20))
    return RoundFactory(**fields)


def future_round(**fields):
    fields.setdefault("opens_at", days(5))
    fields.setdefault("closes_at", days(40))
    return RoundFactory(**fields)


def published_round(**fields):
    """A closed round whose decisions are public."""
    fields.setdefault("opens_at", days(-100))
    fields.setdefault("closes_at", days(-60))
    return RoundFactory(results_published=True, **fields)


def funded(round_, **fields):
    return decided_bid(state=BidState.FUNDED, round=round_, **fields)


def not_funded(round_, **fields):
    return decided_bid(state=BidState.NOT_FUNDED, round=round_, **fields)


def listed_titles(response) -> list[str]:
    """The bid or project titles in a list, in the order shown."""
    html = response.content.decode()
    headings = re.findall(r'<h3 class="govuk-heading-s[^"]*">(.*?)</h3>', html, flags=re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", heading).strip() for heading in headings]


# The fund


def test_fund_page_describes_the_fund_and_lists_its_rounds_in_uk_time(client):
    fund = FundFactory(description="Money for councils that **work together**.")
    published_round(
        fund=fund,
        name="Round 6",
        slug="round-6",
        opens_at=datetime.datetime(2022, 10, 13, 9, 0, tzinfo=UK),
        closes_at=datetime.datetime(2022, 11, 24, 12, 0, tzinfo=UK),
    )
    open_round(fund=fund, name="Round 7", slug="round-7")
    future_round(fund=fund, name="Round 8", slug="round-8")

    response = client.get("/fund/")

    assert response.status_code == 200
    page = text(response)
    assert "<strong>work together</strong>" in response.content.decode()
    assert re.search(r"Round 8 Opens soon .* Round 7 Open .* Round 6 Closed", page)
    assert "Opened 13 October 2022 at 9am and closed 24 November 2022 at midday (UK time)" in page
    assert 'href="/fund/round-6/"' in response.content.decode()
    for path in ("/fund/bids/", "/fund/projects/", "/fund/partners/", "/open-data/#fund-projects"):
        assert f'href="{path}"' in response.content.decode()


def test_fund_totals_count_published_funded_projects_their_money_and_councils(client):
    shared_partner = signed_council()
    round_6 = published_round()
    funded(round_6, amount=90_000, partners=[shared_partner, signed_council()])
    funded(round_6, amount=150_000, partners=[shared_partner, signed_council()])
    not_funded(round_6, amount=300_000)
    # Not counted: decisions not yet public, and a draft.
    funded(RoundFactory(results_published=False), amount=99_000)
    BidFactory(round=round_6)

    page = text(client.get("/fund/"))

    assert "2 projects funded" in page
    assert "£240,000 awarded in all" in page
    # Two leads and three partners, one of them in both projects.
    assert "5 councils leading or partnering a funded project" in page


def test_fund_page_shows_only_the_first_fund_by_name_and_its_own_totals(client):
    first = FundFactory(name="A Local Digital Fund", slug="a-fund")
    other = FundFactory(name="Zebra Fund", slug="zebra-fund")
    funded(published_round(fund=first, name="Round A"), amount=10_000)
    funded(published_round(fund=other, name="Round Z"), amount=20_000)

    page = text(client.get("/fund/"))

    assert "A Local Digital Fund" in page and "Round A" in page
    assert "Round Z" not in page
    assert "£10,000 awarded" in page


def test_fund_page_without_a_fund_still_explains_itself(client):
    assert not Fund.objects.exists()

    response = client.get("/fund/")

    assert response.status_code == 200
    page = text(response)
    assert "Local Digital Fund" in page
    assert "No round has been announced yet" in page
    assert "0 projects funded" in page and "£0 awarded" in page


def test_fund_page_is_in_the_fund_section_of_the_navigation(client):
    html = client.get("/fund/").content.decode()

    active = re.search(
        r'<li class="govuk-service-navigation__item govuk-service-navigation__item--active">'
        r"\s*<a[^>]*>\s*(?:<strong[^>]*>)?\s*([^<]+?)\s*<",
        html,
    )
    assert active and active.group(1) == "Local Digital Fund"


def test_home_page_shows_the_fund_totals(client):
    round_6 = published_round()
    funded(round_6, amount=90_000)
    funded(round_6, amount=2_016_325 - 90_000)
    not_funded(round_6)

    response = client.get("/")

    page = text(response)
    assert "2 projects have been funded by the Local Digital Fund" in page
    assert "£2,016,325 awarded to them in all" in page
    assert 'href="/fund/"' in response.content.decode()


# A round


def test_round_page_shows_dates_rules_phases_criteria_and_guidance(client):
    round_ = open_round(
        name="Round 7",
        slug="round-7",
        opens_at=datetime.datetime(2022, 10, 13, 9, 0, tzinfo=UK),
        closes_at=timezone.now() + datetime.timedelta(days=3),
        min_partners=2,
        max_bids_per_lead=2,
        score_min=0,
        score_max=4,
        scoring_guide="4 means **excellent**.",
        guidance="Read the **guidance** before you bid.",
        questions_and_answers="## Can a county lead?\n\nYes.",
    )

    response = client.get("/fund/round-7/")

    assert response.status_code == 200
    page = text(response)
    assert "Opens 13 October 2022 at 9am (UK time)" in page
    assert f"Closes {round_.closes_at.astimezone(UK).day}" in page
    assert "Only councils that have signed the Local Digital Declaration can lead a bid" in page
    assert "at least 2 partner councils that have signed the declaration too" in page
    assert "A council can lead at most 2 bids in this round" in page
    assert re.search(r"Discovery £100,000 Alpha £180,000 Beta £350,000", page)
    assert re.search(r"Strategic fit .* 40% Deliverability .* 30% Value for money .* 30%", page)
    assert "score from 0 to 4" in page
    html = response.content.decode()
    assert "<strong>excellent</strong>" in html
    assert "<strong>guidance</strong>" in html
    assert "Can a county lead?" in page


def test_round_page_shows_each_criterion_as_a_share_of_the_score(client):
    open_round(slug="round-x", criteria={"Strategic fit": 2, "Value for money": 1, "Team": 1})

    page = text(client.get("/fund/round-x/"))

    assert re.search(r"Strategic fit .* 50% Value for money .* 25% Team .* 25%", page)


def test_start_button_is_there_only_while_the_round_is_open(client):
    open_round(slug="open-round")
    future_round(
        slug="future-round",
        opens_at=datetime.datetime(2099, 10, 13, 9, 30, tzinfo=UK),
        closes_at=datetime.datetime(2099, 11, 24, 12, 0, tzinfo=UK),
    )
    published_round(slug="closed-round")

    open_page = client.get("/fund/open-round/")
    future_page = client.get("/fund/future-round/")
    closed_page = client.get("/fund/closed-round/")

    assert "Start now" in text(open_page)
    assert 'href="/fund/apply/open-round/"' in open_page.content.decode()
    assert "govuk-button--start" in open_page.content.decode()
    assert "Start now" not in text(future_page)
    assert "This round opens on 13 October 2099 at 9:30am (UK time)" in text(future_page)
    assert "Start now" not in text(closed_page)
    assert "This round closed on" in text(closed_page)
    assert 'href="/fund/bids/?round=closed-round"' in closed_page.content.decode()


def test_round_closes_at_its_closing_time(client):
    round_ = open_round(slug="closing")
    round_.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    round_.save()

    assert "Start now" not in text(client.get("/fund/closing/"))


def test_unknown_round_is_not_found(client):
    response = client.get("/fund/no-such-round/")

    assert response.status_code == 404
    assert "Page not found" in text(response)


def test_round_page_says_when_a_round_needs_one_partner_and_allows_one_bid(client):
    open_round(slug="small", min_partners=1, max_bids_per_lead=1)

    page = text(client.get("/fund/small/"))

    assert "at least 1 partner council that has signed" in page
    assert "at most 1 bid in this round" in page


# Published bids


def test_bids_list_shows_every_published_bid_with_its_outcome(client):
    round_6 = published_round(name="Round 6")
    lead = signed_council(name="Leeds City Council")
    partner = signed_council(name="Kent County Council")
    funded(
        round_6,
        title="Shared case tool",
        lead=lead,
        partners=[partner],
        phase=Phase.ALPHA,
        amount=150_000,
    )
    not_funded(round_6, title="Parking permits", amount=80_000)
    funded(RoundFactory(results_published=False), title="Secret until published")
    BidFactory(round=round_6, title="A draft")
    decided_bid(state=BidState.SUBMITTED, round=round_6, title="Still being assessed")

    response = client.get("/fund/bids/")

    assert response.status_code == 200
    assert sorted(listed_titles(response)) == ["Parking permits", "Shared case tool"]
    page = text(response)
    assert "2 bids" in page
    assert "Funded" in page and "Not funded at this stage" in page
    assert "Lead council Leeds City Council" in page
    assert "Partners Kent County Council" in page
    assert "Phase Alpha" in page
    assert "Amount asked for £150,000" in page
    assert "Service area Licences, permits and permissions" in page


def test_only_funded_bids_link_to_a_project_page(client):
    round_6 = published_round()
    yes = funded(round_6, title="Funded one")
    no = not_funded(round_6, title="Unfunded one")

    html = client.get("/fund/bids/").content.decode()

    assert f'href="/fund/projects/{yes.reference}/"' in html
    assert f'href="/fund/projects/{no.reference}/"' not in html


def test_bids_filter_by_round_phase_outcome_principle_and_service_area(client):
    round_6 = published_round(name="Round 6", slug="round-6")
    round_7 = published_round(
        name="Round 7", slug="round-7", opens_at=days(-50), closes_at=days(-40)
    )
    plumbing = Principle.objects.get(number=2)
    users = Principle.objects.get(number=1)
    health = ServiceArea.objects.get(slug="public-health")
    funded(round_6, title="Alpha in 6", phase=Phase.ALPHA, principles=[plumbing])
    not_funded(round_6, title="Discovery in 6", principles=[users, plumbing])
    funded(round_7, title="Health in 7", service_area=health, principles=[users])

    def titles(**params):
        return sorted(listed_titles(client.get("/fund/bids/", params)))

    assert titles(round="round-6") == ["Alpha in 6", "Discovery in 6"]
    assert titles(phase="alpha") == ["Alpha in 6"]
    assert titles(outcome="not_funded") == ["Discovery in 6"]
    assert titles(principle="fix-the-plumbing") == ["Alpha in 6", "Discovery in 6"]
    assert titles(service_area="public-health") == ["Health in 7"]
    assert titles(round=["round-6", "round-7"], outcome="funded") == ["Alpha in 6", "Health in 7"]
    assert titles(round="round-7", phase="alpha") == []
    assert titles(q="health") == ["Health in 7"]
    nothing = client.get("/fund/bids/", {"round": "round-7", "phase": "alpha"})
    assert "No bid matches your search and filters" in text(nothing)


def test_bids_filters_keep_choices_and_ignore_unknown_values(client):
    round_6 = published_round(name="Round 6", slug="round-6")
    funded(round_6, title="Alpha in 6", phase=Phase.ALPHA)

    response = client.get(
        "/fund/bids/",
        {"round": ["round-6", "no-such-round"], "phase": "gamma", "outcome": "draft", "page": "x"},
    )

    assert response.status_code == 200
    assert listed_titles(response) == ["Alpha in 6"]
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="round"[^>]*value="round-6"[^>]*checked', html)
    assert "no-such-round" not in html


def test_bids_filters_offer_only_published_rounds_and_service_areas_with_bids(client):
    funded(published_round(name="Round 6", slug="round-6"))
    open_round(name="Round 9", slug="round-9")

    html = client.get("/fund/bids/").content.decode()

    assert 'value="round-6"' in html
    assert 'value="round-9"' not in html
    assert 'value="licences-permits-and-permissions"' in html
    assert 'value="public-health"' not in html


def test_bids_sort_by_amount_and_lead(client):
    round_6 = published_round()
    funded(round_6, title="Small", amount=10_000, lead=signed_council(name="B Council"))
    funded(round_6, title="Large", amount=99_000, lead=signed_council(name="C Council"))
    not_funded(round_6, title="Middle", amount=50_000, lead=signed_council(name="A Council"))

    assert listed_titles(client.get("/fund/bids/", {"sort": "-amount"})) == [
        "Large",
        "Middle",
        "Small",
    ]
    assert listed_titles(client.get("/fund/bids/", {"sort": "lead"})) == [
        "Middle",
        "Small",
        "Large",
    ]


def test_bids_list_is_paginated_and_pages_keep_the_filters(client):
    round_6 = published_round(slug="round-6")
    partners = [signed_council(), signed_council()]
    for number in range(PAGE_SIZE + 1):
        funded(round_6, title=f"Bid {number:02d}", partners=partners)

    first = client.get("/fund/bids/", {"round": "round-6"})
    second = client.get("/fund/bids/", {"round": "round-6", "page": "2"})

    assert len(listed_titles(first)) == PAGE_SIZE
    assert listed_titles(second) == [f"Bid {PAGE_SIZE:02d}"]
    assert "?round=round-6&amp;sort=round&amp;page=2" in first.content.decode()
    assert "(page 2 of 2)" in second.content.decode()


def test_bids_list_with_no_published_round_says_so(client):
    open_round()

    response = client.get("/fund/bids/")

    assert response.status_code == 200
    assert "No round's decisions have been published yet" in text(response)


# Funded projects


def test_projects_list_shows_funded_projects_with_lead_partners_phase_and_amount(client):
    round_6 = published_round(name="Round 6")
    funded(
        round_6,
        title="Shared case tool",
        lead=signed_council(name="Leeds City Council"),
        partners=[signed_council(name="Kent County Council")],
        phase=Phase.BETA,
        amount=350_000,
    )
    funded(round_6, title="Second project", amount=50_000)
    not_funded(round_6, title="Not this one")

    response = client.get("/fund/projects/")

    assert response.status_code == 200
    assert sorted(listed_titles(response)) == ["Second project", "Shared case tool"]
    page = text(response)
    assert "2 projects have been funded, with £400,000 in all" in page
    assert "Lead council Leeds City Council" in page
    assert "Partners Kent County Council" in page
    assert "Phase Beta" in page and "Amount £350,000" in page


def test_projects_list_with_nothing_funded_says_so(client):
    response = client.get("/fund/projects/")

    assert response.status_code == 200
    assert "No funded project has been published yet" in text(response)
    assert "0 projects have been funded, with £0 in all" in text(response)


def test_project_page_shows_the_project_and_its_links_grouped(client):
    lead = signed_council(name="Leeds City Council")
    partner = signed_council(name="Kent County Council")
    bid = funded(
        published_round(name="Round 6", slug="round-6"),
        title="Shared case tool",
        summary="Councils replace spreadsheets.",
        problem="Officers track cases in spreadsheets.",
        users="Enforcement officers.",
        lead=lead,
        partners=[partner],
        phase=Phase.ALPHA,
        amount=180_000,
        principles=list(Principle.objects.filter(number__in=[1, 2])),
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.OUTPUT, title="The code", url="https://github.com/example/tool"
    )
    ProjectLink.objects.create(
        bid=bid, kind=LinkKind.SPRINT_NOTE, title="Sprint 1", url="https://example.org/sprint-1"
    )

    response = client.get(f"/fund/projects/{bid.reference}/")

    assert response.status_code == 200
    page = text(response)
    html = response.content.decode()
    assert "Shared case tool" in page and bid.reference in page
    assert "Councils replace spreadsheets." in page
    assert "Officers track cases in spreadsheets." in page
    assert "Enforcement officers." in page
    assert "Lead council Leeds City Council" in page
    assert f'href="{lead.get_absolute_url()}"' in html
    assert f'href="{partner.get_absolute_url()}"' in html
    assert "Phase Alpha" in page and "Amount awarded £180,000" in page
    assert 'href="/fund/round-6/"' in html
    assert 'href="/fund/bids/?service_area=licences-permits-and-permissions"' in html
    assert 'href="/declaration/design-services-around-the-needs-of-people/"' in html
    assert 'href="/declaration/fix-the-plumbing/"' in html
    assert re.search(r"Outputs The code Sprint notes Sprint 1", page)
    assert 'href="https://github.com/example/tool"' in html


def test_project_page_without_links_says_none_have_been_added(client):
    bid = funded(published_round())

    page = text(client.get(f"/fund/projects/{bid.reference}/"))

    assert "Nothing the project made has been added yet" in page
    assert "No sprint notes have been added yet" in page


@pytest.mark.parametrize("case", ["not funded", "unpublished", "draft", "unknown"])
def test_only_published_funded_projects_have_a_page(client, case):
    if case == "not funded":
        reference = not_funded(published_round()).reference
    elif case == "unpublished":
        reference = funded(RoundFactory(results_published=False)).reference
    elif case == "draft":
        BidFactory(round=published_round())
        reference = "Draft"
    else:
        reference = "R99-9999"

    response = client.get(f"/fund/projects/{reference}/")

    assert response.status_code == 404


def test_no_email_address_of_a_bid_appears_on_public_pages(client):
    bid = funded(
        published_round(slug="round-6"),
        sponsor_email="sponsor.zq7@secret-domain-x9.example",
        created_by_email="officer.zq7@secret-domain-x9.example",
    )

    for path in (
        "/fund/",
        "/fund/round-6/",
        "/fund/bids/",
        "/fund/projects/",
        f"/fund/projects/{bid.reference}/",
        "/fund/bids.csv",
        "/fund/bids.json",
        "/fund/projects.csv",
        "/fund/projects.json",
    ):
        assert "secret-domain-x9" not in client.get(path).getvalue().decode(), path


def test_fund_pages_refuse_methods_that_change_things(client):
    response = client.post("/fund/bids/")

    assert response.status_code == 405


# A fixed number of queries, whatever the amount of data


def some_fund_data(size: int) -> dict:
    """`size` funded and `size` unfunded bids, each with its own councils and links."""
    round_6 = published_round(slug="round-6")
    open_round(slug="round-7")
    future_round(slug="round-8")
    bids = []
    for _ in range(size):
        bid = funded(round_6)
        ProjectLink.objects.create(bid=bid, kind=LinkKind.OUTPUT, title="Code", url="https://x.org")
        bids.append(bid)
        not_funded(round_6)
    return {"project": bids[0].reference}


QUERIES = {
    # the fund, its rounds, its totals (kept in a summary row, councils involved too)
    "/fund/": 3,
    "/fund/round-6/": 3,  # the round and its fund, its phases, its criteria
    # published rounds, principles, service areas, the count (from the summary rows
    # unless narrowed, then counted only so far), the page, partners, principles
    "/fund/bids/": 7,
    "/fund/bids/?outcome=funded&principle=embed-an-open-culture&phase=discovery&q=shared": 7,
    # the totals (a summary row, which gives the count too), the page, partners
    "/fund/projects/": 3,
    # the project with its round, lead and area; partners; principles; links
    "/fund/projects/{project}/": 4,
}


@pytest.mark.parametrize("path", QUERIES)
@pytest.mark.parametrize("size", [1, 4])
def test_public_fund_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, size
):
    references = some_fund_data(size)
    url = path.format(**references)

    with django_assert_num_queries(QUERIES[path]):
        response = client.get(url)

    assert response.status_code == 200


def test_sitemap_lists_the_fund_pages_rounds_and_projects(client):
    bid = funded(published_round(slug="round-6"))
    not_funded(bid.round)

    body = client.get("/sitemap.xml").content.decode()

    for path in ("/fund/", "/fund/bids/", "/fund/projects/", "/fund/partners/", "/fund/round-6/"):
        assert f"<loc>http://testserver{path}</loc>" in body
    assert f"<loc>http://testserver/fund/projects/{bid.reference}/</loc>" in body
    assert body.count("/fund/projects/R") == 1


# Bad input never gives a 500


FUND_QUERY_VALUES = {
    "q": st.one_of(hostile_text, st.just("Shared")),
    "sort": st.one_of(st.sampled_from([*BID_SORTS, "amount", "pk"]), hostile_text),
    "page": st.one_of(st.sampled_from(["1", "2", "0", "-1", "last", str(10**30)]), hostile_text),
    "round": st.one_of(st.just("round-6"), hostile_text),
    "phase": st.one_of(st.sampled_from(Phase.values), hostile_text),
    "outcome": st.one_of(st.sampled_from(BidState.values), hostile_text),
    "principle": st.one_of(st.just("fix-the-plumbing"), hostile_text),
    "service_area": st.one_of(st.just("licences-permits-and-permissions"), hostile_text),
    "organisation": st.one_of(st.just("partner-council"), hostile_text),
}


@pytest.mark.parametrize(
    "path", ["/fund/", "/fund/bids/", "/fund/projects/", "/fund/partners/", "/fund/bids.csv"]
)
def test_fund_pages_answer_any_query_string_with_a_page(path):
    funded(published_round(slug="round-6"))
    signed_council(name="Partner Council")

    @hostile(15)
    @given(params=post_data(FUND_QUERY_VALUES))
    def check(params):
        assert fresh_client().get(path, params).status_code == 200

    check()


@pytest.mark.parametrize(
    "segment",
    ["%00", "R6-0001%00", "%E2%80%AE", "..%2F..", "a" * 300, "R6-0001'--", "%F0%9F%98%80"],
)
@pytest.mark.parametrize("prefix", ["/fund/", "/fund/projects/"])
def test_made_up_rounds_and_projects_are_not_found(client, prefix, segment):
    assert client.get(f"{prefix}{segment}/").status_code == 404
