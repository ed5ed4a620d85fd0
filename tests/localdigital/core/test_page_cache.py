"""Public pages kept whole in the shared cache, with HTTP caching and compression done properly."""

import datetime
import gzip
import os
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpRequest
from django.test import Client

from localdigital.core import content_version
from signatories.models import Organisation
from tests.factories import signed_council
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[3]

# Every kind of public page kept whole: HTML, Atom, XML.
PUBLIC = [
    "/",
    "/declaration/",
    "/declaration/fix-the-plumbing/",
    "/signatories/",
    "/signatories/?sort=-signed",
    "/signatories.atom",
    "/declaration-projects/",
    "/coverage/",
    "/open-data/",
    "/open-data/datapackage.json",
    "/fund/",
    "/fund/bids/",
    "/fund/projects/",
    "/fund/partners/",
    "/sitemap.xml",
    "/privacy/",
]


# The open-data downloads, streamed as they are drawn (a worker's memory stays
# flat however many rows): never kept whole, answered with 304 by the content
# version's ETag instead.
STREAMED = [
    "/signatories.csv",
    "/signatories.json",
    "/fund/bids.csv",
    "/fund/projects.json",
    "/fund/grants.json",
    "/fund/grants.csv",
]


@pytest.fixture
def council():
    return signed_council(name="Testshire County Council")


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_is_served_from_the_cache_after_its_first_visit(
    page_cache, council, client, django_assert_num_queries, path
):
    first = client.get(path)
    assert first.status_code == 200

    # No trip to the database: the page, and the content version's generation,
    # come from the cache.
    with django_assert_num_queries(0):
        second = client.get(path)

    assert second.status_code == 200
    assert second.content == first.content
    assert second.headers["Content-Type"] == first.headers["Content-Type"]
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Cache-Control"] == "public, max-age=60, s-maxage=60"


@pytest.mark.parametrize("path", STREAMED)
def test_an_open_data_file_is_streamed_every_time_with_one_etag(page_cache, council, client, path):
    first = client.get(path)
    second = client.get(path)

    assert first.streaming and second.streaming
    body = first.getvalue()  # a stream can be read once
    assert second.getvalue() == body
    assert b"Testshire County Council" in body or path.startswith("/fund/")
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Cache-Control"] == "public, max-age=60, s-maxage=60"


def rename_behind_the_caches_back(council, name):
    # A queryset update sends no signal: the content version stays as it was.
    Organisation.objects.filter(pk=council.pk).update(name=name)


def test_a_new_content_version_draws_the_page_anew(
    page_cache, council, client, django_capture_on_commit_callbacks
):
    client.get("/signatories/")
    rename_behind_the_caches_back(council, "Otherton Borough Council")
    assert "Otherton" not in client.get("/signatories/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        content_version.bump()

    assert "Otherton" in client.get("/signatories/").content.decode()


def test_each_address_is_kept_apart_query_string_included(page_cache, council, client):
    signed_council(name="Otherton Borough Council")

    found = client.get("/signatories/?q=Otherton").content.decode()
    everyone = client.get("/signatories/").content.decode()

    assert "Testshire" not in found and "Otherton" in found
    assert "Testshire" in everyone and "Otherton" in everyone


def test_a_signed_in_visitor_is_never_served_or_kept_a_cached_page(
    page_cache, council, client, admin_user
):
    visitor = Client()
    visitor.get("/signatories/")
    sign_in_staff(client, admin_user)
    rename_behind_the_caches_back(council, "Otherton Borough Council")

    response = client.get("/signatories/")

    assert "Otherton" in response.content.decode()
    assert response.headers["Cache-Control"] == "private, no-store"
    # And what they were shown was not kept for others.
    assert "Otherton" not in visitor.get("/signatories/").content.decode()


def test_a_visitor_with_messages_waiting_is_not_served_a_cached_page(page_cache, council, client):
    client.get("/")
    # What Django's messages framework leaves in a cookie until the next page shows it.
    storage = CookieStorage(HttpRequest())
    client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Sent")])

    response = client.get("/")

    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_generation_starts_again_above_any_it_held_when_it_goes_missing(
    page_cache, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    before = content_version.generation()
    with django_capture_on_commit_callbacks(execute=True):
        content_version.bump()
    assert content_version.generation() == before + 1
    cache.delete(content_version.GENERATION_KEY)  # evicted, say

    assert content_version.generation() > before + 1


def test_a_change_not_committed_leaves_the_generation_as_it_was(page_cache):
    before = content_version.generation()

    content_version.bump()  # inside the test's transaction, never committed

    assert content_version.generation() == before


@pytest.mark.parametrize(
    "path", ["/sign/", "/fund/apply/sign-in/", "/admin/login/", "/robots.txt", "/healthz"]
)
def test_journey_staff_and_other_pages_are_private_and_not_kept(page_cache, client, path):
    response = client.get(path)

    assert "no-store" in response.headers["Cache-Control"]
    assert "public" not in response.headers["Cache-Control"]


def test_a_journey_page_with_a_csrf_token_is_never_compressed(page_cache, client):
    # BREACH: a secret beside text a visitor chooses must not be compressed.
    response = client.get("/fund/apply/sign-in/", headers={"Accept-Encoding": "br, gzip"})

    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "Content-Encoding" not in response.headers
    assert "no-store" in response.headers["Cache-Control"]


def test_a_missing_page_is_not_kept(page_cache, client):
    response = client.get("/signatories/no-such-council/")

    assert response.status_code == 404
    assert response.headers["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("path", ["/", "/signatories.csv", "/fund/bids.json", "/signatories.atom"])
def test_the_etag_answers_a_repeat_visit_with_304(page_cache, council, client, path):
    etag = client.get(path).headers["ETag"]

    repeat = client.get(path, headers={"If-None-Match": etag})

    assert repeat.status_code == 304
    assert repeat.content == b""
    assert repeat.headers["ETag"] == etag
    assert repeat.headers["Cache-Control"] == "public, max-age=60, s-maxage=60"


def test_the_etag_changes_when_the_page_does(council, client):
    # Without the page cache too: the ETag is the body's own hash.
    etag = client.get("/signatories/").headers["ETag"]
    rename_behind_the_caches_back(council, "Otherton Borough Council")

    response = client.get("/signatories/", headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response.headers["ETag"] != etag


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/", "text/html"),
        ("/signatories.csv", "text/csv"),
        ("/signatories.json", "application/json"),
        ("/signatories.atom", "application/atom+xml"),
    ],
)
@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("gzip, deflate, br", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_public_pages_are_compressed_when_the_browser_accepts_it(
    page_cache, council, client, path, content_type, accept, encoding, decompress
):
    for number in range(10):  # enough to be worth compressing
        signed_council(name=f"Council {number}")
    # The JSON file says when it was made, to the second: the clock stands still
    # so that the plain and compressed copies are made at the same moment.
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC), tick=False):
        plain = client.get(path).getvalue()  # streamed or whole, read once

        for _ in range(2):  # drawn, then from the cache
            response = client.get(path, headers={"Accept-Encoding": accept})
            assert response.headers["Content-Encoding"] == encoding
            assert response.headers["Content-Type"].startswith(content_type)
            body = response.getvalue()  # streamed or whole
            assert decompress(body) == plain
            if not response.streaming:
                assert response.headers["Content-Length"] == str(len(body))
            assert "Accept-Encoding" in response.headers["Vary"]
            assert len(body) < len(plain)
        assert "Content-Encoding" not in client.get(path).headers


def test_a_browser_that_refuses_compression_gets_the_plain_page(page_cache, council, client):
    response = client.get("/", headers={"Accept-Encoding": "br;q=0, gzip;q=0"})

    assert "Content-Encoding" not in response.headers
    assert b"<!DOCTYPE html>" in response.content


def test_pages_are_kept_in_redis_shared_by_every_server():
    # Separate processes, as separate servers would be: the second is served
    # the page the first kept, without a query; a change committed by a third
    # advances the generation they share, and the fourth draws the page anew.
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        database_url = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        )
    else:
        database_url = f"sqlite:///{database['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,  # the test database, migrated
        "DJANGO_SETTINGS_MODULE": "localdigital.settings",
        "CACHE_URL": "redis://127.0.0.1:6379/5",
        "PAGE_CACHE_SECONDS": "60",
    }
    script = """
import sys, django
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from localdigital.core import content_version

if sys.argv[1] == "first":
    cache.clear()
if sys.argv[1] == "change":
    content_version._advance_generation()  # what a committed bump runs
else:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/declaration/")
    print(response.status_code, len(queries), response.headers["Cache-Control"])
"""

    def run(which):
        result = subprocess.run(
            [sys.executable, "-c", script, which],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    public = "public, max-age=60, s-maxage=60"
    try:
        # drawn: the declaration, its principles, its co-publishers
        assert run("first") == f"200 3 {public}"
        assert run("second") == f"200 0 {public}"  # from Redis
        run("change")
        assert run("after the change") == f"200 3 {public}"
    finally:
        from django.core.cache.backends.redis import RedisCache

        RedisCache("redis://127.0.0.1:6379/5", {}).clear()
