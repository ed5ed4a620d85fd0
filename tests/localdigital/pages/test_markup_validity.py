"""Every public page, journey page and error state is valid HTML.

The Nu HTML Checker (the W3C's) and html-validate's recommended rules
(.htmlvalidate.json) read the pages as the server sends them. The addresses
are the ones the accessibility tests visit (tests/pages.py and the browser
tests' lists), over the same data; the journeys' question pages are seen both
as first shown and as sent back empty, with their error messages.
"""

import datetime

import pytest
from django.test import Client

from funding import services
from funding.models import BidState, CriterionFeedback, Expression, Round, Section
from signatories.models import Organisation
from signatories.services import ask_for_reports
from tests.browser import (
    case_study_pages,
    test_fund_public_pages,
    test_search_pages,
    test_signatory_pages,
    update_pages,
)
from tests.factories import OrganisationFactory, decided_bid
from tests.funding.apply.sections import signed_in, url
from tests.localdigital.pages.search.search_content import make_search_content
from tests.markup import assert_valid_html, save_page
from tests.pages import NOT_FOUND_PAGE, PUBLIC_PAGES
from tests.programme.content import PROGRAMME_PAGES, programme_content
from tests.sharing.cases import proposal_form
from tests.signatories.project_reports import latest_report_path, signed_days_ago
from tests.signatories.sign.sign_up_journey import QUESTION_PAGES, answer_everything
from tests.subscriptions.followers import last_email_to, link_path

pytestmark = pytest.mark.django_db

# The browser tests' data, made the same way here.
signatories = test_signatory_pages.signatories
fund = test_fund_public_pages.fund
your_council = test_fund_public_pages.your_council
updated_project = update_pages.updated_project
case_studies = case_study_pages.case_studies


ONE_DAY = datetime.timedelta(days=1)

# The budget page saves an empty form as it is (costs are added one by one on
# the page): the error state is an empty cost sent with "Add this cost".
EMPTY_ANSWERS = {Section.BUDGET: {"action": "add"}}


def with_feedback(round_, lead) -> None:
    decided = decided_bid(state=BidState.FUNDED, round=round_, lead=lead, amount_awarded=50_000)
    for criterion in round_.criteria.all():
        CriterionFeedback.objects.create(
            bid=decided, criterion=criterion, text="Strong evidence.\nA clear plan."
        )


def save(folder, client, address, *, status=200, data=None):
    """Fetch (or, with data, post) a page, check it answered, and keep its HTML."""
    response = client.get(address) if data is None else client.post(address, data)
    assert response.status_code == status, address
    save_page(folder, address, response, method="get" if data is None else "post")


@pytest.mark.usefixtures("signatories")
@pytest.mark.urls("tests.localdigital.pages.failing_urls")
def test_site_signatory_and_sign_up_pages_are_valid_html(
    client, tmp_path, django_capture_on_commit_callbacks
):
    for address, _ in PUBLIC_PAGES:
        save(tmp_path, client, address)
    # The error pages (failing_urls adds two addresses that fail on purpose).
    save(tmp_path, client, NOT_FOUND_PAGE[0], status=404)
    save(tmp_path, client, "/forbidden/", status=403)
    save(tmp_path, Client(raise_request_exception=False), "/broken/", status=500)
    save(tmp_path, Client(enforce_csrf_checks=True), "/contact/", status=403, data={})
    save(tmp_path, client, "/feedback/", data={"comment": "x" * 1201})
    for address, _, status in test_signatory_pages.PAGES:
        save(tmp_path, client, address, status=status)

    # The sign-up journey: each question sent empty, then as first shown.
    save(tmp_path, client, "/sign/")
    for address, _, _ in QUESTION_PAGES:
        save(tmp_path, client, address, data={})
    organisation = OrganisationFactory(
        name="Testshire District Council", email_domains="testshire.gov.uk"
    )
    answer_everything(client, organisation)
    for address, _, _ in QUESTION_PAGES:
        save(tmp_path, client, address)
    save(tmp_path, client, "/sign/check-answers/")

    # The page that asks, a year on, how the declaration project went: as
    # opened, sent empty, and the signatory's page with the report.
    sign_up = signed_days_ago(340, organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        ask_for_reports()
    report = latest_report_path()
    save(tmp_path, client, report)
    save(tmp_path, client, report, data={})
    client.post(report, {"delivery": "delivered", "delivered": "Done.", "reported_by": "Priya"})
    save(tmp_path, client, "/sign/report-sent/")
    save(tmp_path, client, sign_up.organisation.get_absolute_url())
    save(tmp_path, client, "/declaration-projects/?delivery=delivered")

    assert_valid_html(tmp_path)


def test_fund_and_officer_pages_are_valid_html(client, your_council, tmp_path):
    for address, _, status in test_fund_public_pages.PAGES:
        save(tmp_path, client, address, status=status)

    # The officer's journey: signing in, then a draft bid's pages, each
    # section also sent back empty.
    save(tmp_path, client, "/fund/apply/sign-in/")
    save(tmp_path, client, "/fund/apply/sign-in/", data={})
    email = f"priya.shah@{your_council.domain_list[0]}"
    bid = services.bid_start(
        round_=Round.objects.get(slug="round-7"), lead=your_council, email=email
    )
    officer = signed_in(email)
    # A decided bid of the published round, with the panel's feedback on it.
    with_feedback(Round.objects.get(slug="round-6"), your_council)
    save(tmp_path, officer, "/fund/apply/")
    save(tmp_path, officer, f"/fund/apply/bids/{bid.pk}/")
    for section in Section:
        save(tmp_path, officer, url(bid, section))
        save(tmp_path, officer, url(bid, section), data=EMPTY_ANSWERS.get(section, {}))
    check_answers = f"/fund/apply/bids/{bid.pk}/check-your-answers/"
    save(tmp_path, officer, check_answers)
    # Sent incomplete: refused, listing what is missing.
    save(tmp_path, officer, check_answers, data={}, status=409)
    save_expression_pages(tmp_path, officer, your_council)

    assert_valid_html(tmp_path)


def save_expression_pages(folder, officer, council):
    """An expression of interest's pages: the form (as shown and sent back
    empty), check your answers, and the expression as sent."""
    round_ = Round.objects.get(slug="round-7")
    Round.objects.filter(pk=round_.pk).update(
        expressions_open_at=round_.opens_at, expressions_close_at=round_.closes_at - ONE_DAY
    )
    form = "/fund/apply/round-7/expression/"
    save(folder, officer, form)
    save(folder, officer, form, data={})
    partners = Organisation.objects.signed_current_councils().exclude(pk=council.pk)[:2]
    officer.post(
        form,
        {
            "lead": council.slug,
            "title": "Shared pest control bookings",
            "problem": "Residents phone each council.",
            "partner_1": partners[0].slug,
            "partner_2": partners[1].slug,
            "phase": "discovery",
            "estimated_cost": "60000",
        },
    )
    save(folder, officer, "/fund/apply/round-7/expression/check-your-answers/")
    officer.post("/fund/apply/round-7/expression/check-your-answers/")
    expression = Expression.objects.get(round__slug="round-7")
    save(folder, officer, f"/fund/apply/expressions/{expression.pk}/")
    save(folder, officer, f"/fund/apply/expressions/{expression.pk}/sent/")


def test_project_update_and_following_pages_are_valid_html(client, updated_project, tmp_path):
    for address, _, status in update_pages.PAGES:
        save(tmp_path, client, address, status=status)
    update = updated_project.updates.get()
    save(tmp_path, client, update.get_absolute_url())
    follow = f"/updates/follow/project/{updated_project.reference}/"
    save(tmp_path, client, follow, data={})
    save(tmp_path, client, follow, data={"email": "reader@example.com", "frequency": "each"})
    confirm = link_path(last_email_to("reader@example.com").body, "confirm")
    save(tmp_path, client, confirm)
    manage = client.post(confirm)["Location"]
    save(tmp_path, client, manage)
    save(tmp_path, client, manage.replace("/manage/", "/unsubscribe/"))
    save(tmp_path, client, "/subscriptions/manage/forged/", status=404)
    # The email updates page: empty, refused (every field's error) and sent.
    save(tmp_path, client, "/email-updates/")
    # (A query string apiece, so that each post's page is kept under its own name.)
    save(tmp_path, client, "/email-updates/?refused", data={"topics": ["signatories"]})
    save(
        tmp_path,
        client,
        "/email-updates/?sent",
        data={"email": "topics@example.com", "topics": ["news"], "frequency": "weekly"},
    )

    # The officer's pages: their projects, a new update sent empty, editing one.
    officer = signed_in(update_pages.OFFICER)
    save(tmp_path, officer, "/updates/yours/")
    new = f"/updates/yours/{updated_project.reference}/new/"
    save(tmp_path, officer, new)
    save(tmp_path, officer, new, data={})
    save(tmp_path, officer, f"/updates/yours/edit/{update.pk}/")

    assert_valid_html(tmp_path)


def test_case_study_pages_and_the_proposal_are_valid_html(client, case_studies, tmp_path):
    for address, _, status in case_study_pages.PAGES:
        save(tmp_path, client, address, status=status)
    save(tmp_path, client, "/")  # with the latest case studies and updates

    # The officer's proposal: the form, sent empty, check answers, sent.
    officer = signed_in(case_study_pages.OFFICER)
    form = "/case-studies/propose/"
    save(tmp_path, officer, form)
    save(tmp_path, officer, form, data={})
    answers = proposal_form(councils=["leadsby-city-council"], funded_projects=["R6-0001"])
    assert officer.post(form, answers).status_code == 302
    save(tmp_path, officer, "/case-studies/propose/check/")
    officer.post("/case-studies/propose/check/")
    save(tmp_path, officer, "/case-studies/propose/sent/")
    save(tmp_path, signed_in("someone@example.com"), form)

    assert_valid_html(tmp_path)


def test_news_events_and_programme_pages_are_valid_html(client, tmp_path):
    programme_content()
    for address, _ in PROGRAMME_PAGES:
        save(tmp_path, client, address)
    save(tmp_path, client, "/")  # with its latest news
    save(tmp_path, client, "/declaration/")  # with its co-publishers
    save(tmp_path, client, "/open-data/")

    assert_valid_html(tmp_path)


def test_search_pages_are_valid_html(client, tmp_path):
    make_search_content()
    for address, _ in test_search_pages.PAGES:
        save(tmp_path, client, address)

    assert_valid_html(tmp_path)


@pytest.mark.parametrize(
    "address", [address for address, _ in PUBLIC_PAGES] + ["/signatories/", "/fund/", "/sign/"]
)
def test_pages_have_no_lines_ending_in_spaces(client, address):
    # Template tags used to leave their indentation behind: ~100 such lines a page.
    lines = client.get(address).content.decode().splitlines()

    assert [number for number, line in enumerate(lines, 1) if line != line.rstrip()] == []
