"""A public file sent as a stream is compressed as it goes and answered with 304, never kept."""

import gzip

import brotli
import pytest

from localdigital.core import content_version
from tests.localdigital.core.streaming_urls import ROWS

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.localdigital.core.streaming_urls")]


@pytest.mark.parametrize(
    ("encoding", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_a_streamed_file_is_compressed_as_it_is_sent(page_cache, client, encoding, decompress):
    response = client.get("/streamed.csv", headers={"Accept-Encoding": encoding})

    assert response.streaming
    assert response.headers["Content-Encoding"] == encoding
    assert decompress(b"".join(response.streaming_content)) == b"".join(ROWS)
    assert response.headers["Cache-Control"] == "public, max-age=60, s-maxage=60"


def test_a_streamed_file_answers_a_repeat_visit_with_304_until_the_content_changes(
    page_cache, client, django_capture_on_commit_callbacks
):
    etag = client.get("/streamed.csv").headers["ETag"]

    assert client.get("/streamed.csv", headers={"If-None-Match": etag}).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        content_version.bump()
    again = client.get("/streamed.csv", headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again.headers["ETag"] != etag
