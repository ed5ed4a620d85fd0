from django.test import RequestFactory

from localdigital.core.ratelimit import client_address


def request_from(remote_addr: str, forwarded_for: str | None = None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/sign/", **headers)


def test_without_proxies_the_connecting_address_is_the_visitor(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_one_load_balancer_the_address_it_saw_is_the_visitor(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request_from("10.0.0.2", "203.0.113.9")) == "203.0.113.9"


def test_addresses_the_visitor_made_up_are_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # The visitor sent "X-Forwarded-For: 1.2.3.4"; our balancer appended what it saw.
    assert client_address(request_from("10.0.0.2", "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_a_request_that_skipped_the_balancer_falls_back_to_the_connecting_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_address(request_from("10.0.0.2", "203.0.113.9")) == "10.0.0.2"
