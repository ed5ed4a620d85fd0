"""What the home page costs a visitor to download, measured in Chromium.

Everything counts: the page, its stylesheet, scripts, fonts, icons and the
headers of each, as Chromium's network layer reports them (encodedDataLength:
the bytes that came over the wire, compressed as they came). The live server
serves the static files through whitenoise, compressed and hashed, as in
production (tests/conftest.py).
"""

import pytest

from tests.factories import signed_council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_VISIT_LIMIT = 100 * 1024
REPEAT_VISIT_LIMIT = 5 * 1024


class Transfers:
    """Bytes received for each request, from the Chrome DevTools Protocol's Network events."""

    def __init__(self, page):
        self.urls: dict[str, str] = {}
        self.received: dict[str, int] = {}
        session = page.context.new_cdp_session(page)
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.loadingFinished", self._finished)
        session.send("Network.enable")

    def _sent(self, event):
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event):
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def total(self) -> int:
        return sum(self.received.values())

    def by_url(self) -> str:
        rows = sorted(
            ((size, self.urls.get(request, "?")) for request, size in self.received.items()),
            reverse=True,
        )
        return "\n".join(f"{size:>8} {url}" for size, url in rows)

    def clear(self) -> None:
        self.urls.clear()
        self.received.clear()


def test_the_home_page_is_light_on_a_first_visit_and_lighter_on_the_next(page):
    for number in range(5):
        signed_council(name=f"Council {number}")
    transfers = Transfers(page)

    page.goto("/", wait_until="networkidle")
    first = transfers.total()
    listing = transfers.by_url()
    assert len(transfers.received) > 3, listing  # the page, its stylesheet, script and more
    assert first <= FIRST_VISIT_LIMIT, f"{first} bytes:\n{listing}"

    transfers.clear()
    page.goto("/", wait_until="networkidle")
    repeat = transfers.total()

    assert repeat <= REPEAT_VISIT_LIMIT, f"{repeat} bytes:\n{transfers.by_url()}"
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
