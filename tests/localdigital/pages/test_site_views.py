import re

import pytest
from django.test import Client

from tests.pages import NOT_FOUND_PAGE, PUBLIC_PAGES

pytestmark = pytest.mark.django_db


def main_heading(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "the page has no <h1>"
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).replace("&#39;", "'").strip()


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES)
def test_public_page_shows_its_heading_in_the_govuk_layout(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert main_heading(response).endswith(heading)
    html = response.content.decode()
    assert 'href="#main-content"' in html, "skip link"
    assert "govuk-phase-banner" in html and "Beta" in html
    assert "Open Government Licence" in html and "Crown copyright" in html
    for footer_link in ("/accessibility/", "/privacy/", "/cookies/", "/contact/"):
        assert f'href="{footer_link}"' in html
    assert re.search(r"<title>[^<]*Local Digital[^<]*</title>", html)


# Queries each page runs: the same whatever the amount of content.
QUERIES = {
    # the declaration, the principles, the signatory counts, the latest signatories,
    # the fund's totals, the latest news, when the next scheduled post appears,
    # the latest case studies, the latest project updates
    "/": 9,
    "/declaration/": 3,  # the declaration, the principles, the co-publishers
    # the principles with their counts (summary rows); the latest commitments
    # under the principle; the latest funded projects serving it
    "/declaration/design-services-around-the-needs-of-people/": 3,
    "/declaration/fix-the-plumbing/": 3,
    "/declaration/embed-an-open-culture/": 3,
    "/accessibility/": 0,
    "/privacy/": 0,
    "/cookies/": 0,
    "/contact/": 0,
    "/performance/": 1,  # the figures last worked out
    "/feedback/": 0,
    "/feedback/sent/": 0,
    "/search/": 0,  # the bare page: the box alone
}


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES)
def test_public_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, heading
):
    with django_assert_num_queries(QUERIES[path]):
        assert client.get(path).status_code == 200


def test_unknown_address_gets_the_govuk_404_page(client):
    path, heading = NOT_FOUND_PAGE
    response = client.get(path)

    assert response.status_code == 404
    assert main_heading(response) == heading
    assert "check it is correct" in response.content.decode()


def test_unknown_principle_is_not_found(client):
    response = client.get("/declaration/no-such-principle/")

    assert response.status_code == 404
    assert main_heading(response) == "Page not found"


def test_request_for_an_unknown_host_gets_the_400_page():
    response = Client().get("/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert main_heading(response) == "Sorry, there is a problem with your request"


def test_form_post_without_csrf_token_gets_the_403_page():
    response = Client(enforce_csrf_checks=True).post("/contact/")

    assert response.status_code == 403
    assert main_heading(response) == "Sorry, your form could not be sent"


@pytest.mark.urls("tests.localdigital.pages.failing_urls")
def test_permission_denied_gets_the_403_page(client):
    response = client.get("/forbidden/")

    assert response.status_code == 403
    assert main_heading(response) == "You do not have permission to see this page"


@pytest.mark.urls("tests.localdigital.pages.failing_urls")
def test_server_error_gets_the_500_page():
    response = Client(raise_request_exception=False).get("/broken/")

    assert response.status_code == 500
    assert main_heading(response) == "Sorry, there is a problem with the service"


def test_pages_refuse_methods_that_change_things(client):
    response = client.delete("/declaration/")

    assert response.status_code == 405
