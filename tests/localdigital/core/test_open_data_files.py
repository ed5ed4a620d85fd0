"""Open-data files are built once per content version and then served as files.

The worker runs in-process in tests (CELERY_TASK_ALWAYS_EAGER), so the build
a first download asks for is done by the time that download returns.
"""

import gzip

import pytest
from django.core.cache import cache
from django.core.files.storage import storages

from localdigital.core import content_version, open_data_files
from signatories.models import SignUpState
from tests.factories import OrganisationFactory, SignUpFactory

pytestmark = pytest.mark.django_db


def signed(name):
    return SignUpFactory(state=SignUpState.SIGNED, organisation=OrganisationFactory(name=name))


def test_the_first_download_is_streamed_and_has_the_file_built(client):
    signed("Kent County Council")
    version = content_version.current()
    store = open_data_files.storage()

    first = client.get("/signatories.csv")
    body = first.getvalue()

    assert first.status_code == 200
    assert "Content-Length" not in first  # streamed as it was read
    assert b"Kent County Council" in body
    assert store.exists(open_data_files.stored_name("signatories.csv", version))


def test_later_downloads_read_the_built_file_with_its_length_and_version(client):
    signed("Kent County Council")
    streamed = client.get("/signatories.csv").getvalue()

    built = client.get("/signatories.csv")

    assert built.getvalue() == streamed
    assert built["Content-Length"] == str(len(streamed))
    assert built["ETag"] == f'W/"v{content_version.current()}"'
    assert built["Content-Disposition"] == 'attachment; filename="local-digital-signatories.csv"'
    assert client.get("/signatories.csv", HTTP_IF_NONE_MATCH=built["ETag"]).status_code == 304


def test_a_built_file_is_compressed_as_a_streamed_one_is(client):
    for number in range(30):
        signed(f"Council number {number}")
    plain = client.get("/signatories.json").getvalue()

    compressed = client.get("/signatories.json", HTTP_ACCEPT_ENCODING="gzip")

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.getvalue()) == plain


def test_a_change_is_in_the_next_download_and_the_old_file_is_deleted(client):
    signed("Kent County Council")
    client.get("/signatories.csv")
    old = open_data_files.stored_name("signatories.csv", content_version.current())

    signed("Essex County Council")
    content_version.bump()
    fresh = client.get("/signatories.csv").getvalue()

    assert b"Essex County Council" in fresh
    assert not open_data_files.storage().exists(old)
    assert client.get("/signatories.csv").getvalue() == fresh


def test_while_one_build_runs_other_misses_start_none(client):
    signed("Kent County Council")
    version = content_version.current()
    # As if another download had just asked for the build, which is not done yet.
    cache.add(open_data_files.build_lock_key("signatories.csv", version), True)

    response = client.get("/signatories.csv")

    assert b"Kent County Council" in response.getvalue()
    stored = open_data_files.stored_name("signatories.csv", version)
    assert not open_data_files.storage().exists(stored)
    assert open_data_files.ask_for_build("signatories.csv", version) is False


def test_the_json_file_says_when_it_was_built(client):
    signed("Kent County Council")
    client.get("/signatories.json")
    stored = open_data_files.stored_name("signatories.json", content_version.current())
    with open_data_files.storage().open(stored) as built:
        text = built.read().decode()

    assert '"generated_at": "' in text
    assert client.get("/signatories.json").getvalue().decode() == text


def test_files_are_built_into_a_bucket_too(client, s3, s3_endpoint, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "open_data": {
            "BACKEND": "localdigital.core.storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": "localdigital-attachments",
                "region_name": "eu-west-2",
                "endpoint_url": s3_endpoint,
                "access_key": "test-key",
                "secret_key": "test-secret",
                "location": "open-data",
            },
        },
    }
    storages._storages = {}
    signed("Kent County Council")
    streamed = client.get("/fund/bids.csv").getvalue()
    version = content_version.current()

    keys = [
        item["Key"] for item in s3.list_objects_v2(Bucket="localdigital-attachments")["Contents"]
    ]
    assert f"open-data/v{version}/fund-bids.csv" in keys
    assert client.get("/fund/bids.csv").getvalue() == streamed
