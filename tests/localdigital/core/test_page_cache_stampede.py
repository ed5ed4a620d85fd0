"""Many requests that miss the same page at once draw it once: the others wait for its copy."""

import threading
import time

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from localdigital.core import content_version
from localdigital.core.page_cache import (
    CachedPage,
    PageCacheMiddleware,
    drawing_key,
)

pytestmark = pytest.mark.django_db


def key_of(path: str) -> str:
    """The cache key the middleware keeps the page under, as it makes it."""
    request = Client().get(path).wsgi_request
    return PageCacheMiddleware.key(request)


def test_a_request_that_misses_while_another_draws_the_page_gets_its_copy(
    page_cache, django_assert_num_queries
):
    key = key_of("/declaration/")
    cache.delete(key)
    cache.add(drawing_key(key), True)  # another request is drawing it
    copy = CachedPage(HttpResponse("<p>The copy the other request drew.</p>"), None)

    def the_other_request_keeps_its_copy():
        time.sleep(0.1)
        copy.generation = content_version.generation()
        cache.set(key, copy, 60)
        cache.delete(drawing_key(key))

    other = threading.Thread(target=the_other_request_keeps_its_copy)
    other.start()
    with django_assert_num_queries(0):  # not drawn again: no query for it
        response = Client().get("/declaration/")
    other.join()

    assert response.status_code == 200
    assert response.content == b"<p>The copy the other request drew.</p>"


def test_a_request_draws_the_page_itself_when_the_other_keeps_nothing(page_cache):
    key = key_of("/declaration/")
    cache.delete(key)
    cache.add(drawing_key(key), True)

    def the_other_request_ends_without_a_copy():
        time.sleep(0.1)
        cache.delete(drawing_key(key))

    other = threading.Thread(target=the_other_request_ends_without_a_copy)
    other.start()
    response = Client().get("/declaration/")
    other.join()

    assert response.status_code == 200
    assert "Local Digital Declaration" in response.content.decode()


def test_a_request_stops_waiting_for_a_draw_that_takes_too_long(page_cache, settings):
    key = key_of("/declaration/")
    cache.delete(key)
    cache.add(drawing_key(key), True)  # held, and never let go

    response = Client().get("/declaration/")

    assert response.status_code == 200
    assert "Local Digital Declaration" in response.content.decode()


def test_the_drawing_lock_is_let_go_once_the_page_is_kept(page_cache):
    key = key_of("/declaration/")

    Client().get("/declaration/")

    assert cache.get(key) is not None
    assert cache.get(drawing_key(key)) is None
