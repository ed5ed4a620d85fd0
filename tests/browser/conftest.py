import pytest

from tests.conftest import _new_page


@pytest.fixture(autouse=True)
def browser_site_content(site_content):
    """Browser tests share the database with the server thread, so they commit
    for real: each starts with the content migrations load (tests.conftest)."""


@pytest.fixture
def new_browser(browser, live_server):
    """Open a browser of its own for another person (or another day): no cookies shared."""
    contexts = []

    def open_browser(*, javascript: bool = True):
        context, page = _new_page(browser, live_server, javascript=javascript)
        contexts.append(context)
        return page

    yield open_browser
    for context in contexts:
        context.close()
