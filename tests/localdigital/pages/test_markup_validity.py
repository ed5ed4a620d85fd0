"""Every public page, journey page and error state is valid HTML.

The Nu HTML Checker (the W3C's) and html-validate's recommended rules
(.htmlvalidate.json) read the pages as the server sends them. The addresses
are the ones the accessibility tests visit (tests/pages.py and the browser
tests' lists), over the same data; the journeys' question pages are seen both
as first shown and as sent back empty, with their error messages.
"""

import pytest
from django.test import Client

from funding import services
from funding.models import Round, Section
from tests.browser import test_fund_public_pages, test_search_pages, test_signatory_pages
from tests.factories import OrganisationFactory
from tests.funding.apply.sections import signed_in, url
from tests.localdigital.pages.search.search_content import make_search_content
from tests.markup import assert_valid_html, save_page
from tests.pages import NOT_FOUND_PAGE, PUBLIC_PAGES
from tests.signatories.sign.sign_up_journey import QUESTION_PAGES, answer_everything

pytestmark = pytest.mark.django_db

# The browser tests' data, made the same way here.
signatories = test_signatory_pages.signatories
fund = test_fund_public_pages.fund
your_council = test_fund_public_pages.your_council


# The budget page saves an empty form as it is (costs are added one by one on
# the page): the error state is an empty cost sent with "Add this cost".
EMPTY_ANSWERS = {Section.BUDGET: {"action": "add"}}


def save(folder, client, address, *, status=200, data=None):
    """Fetch (or, with data, post) a page, check it answered, and keep its HTML."""
    response = client.get(address) if data is None else client.post(address, data)
    assert response.status_code == status, address
    save_page(folder, address, response, method="get" if data is None else "post")


@pytest.mark.usefixtures("signatories")
@pytest.mark.urls("tests.localdigital.pages.failing_urls")
def test_site_signatory_and_sign_up_pages_are_valid_html(client, tmp_path):
    for address, _ in PUBLIC_PAGES:
        save(tmp_path, client, address)
    # The error pages (failing_urls adds two addresses that fail on purpose).
    save(tmp_path, client, NOT_FOUND_PAGE[0], status=404)
    save(tmp_path, client, "/forbidden/", status=403)
    save(tmp_path, Client(raise_request_exception=False), "/broken/", status=500)
    save(tmp_path, Client(enforce_csrf_checks=True), "/contact/", status=403, data={})
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
    save(tmp_path, officer, "/fund/apply/")
    save(tmp_path, officer, f"/fund/apply/bids/{bid.pk}/")
    for section in Section:
        save(tmp_path, officer, url(bid, section))
        save(tmp_path, officer, url(bid, section), data=EMPTY_ANSWERS.get(section, {}))
    check_answers = f"/fund/apply/bids/{bid.pk}/check-your-answers/"
    save(tmp_path, officer, check_answers)
    # Sent incomplete: refused, listing what is missing.
    save(tmp_path, officer, check_answers, data={}, status=409)

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
