"""Fixtures for the tests of the shared building blocks."""

import io
import json
import logging
import socket

import boto3
import pytest
from moto.server import ThreadedMotoServer

# moto's S3 server, run on loopback for the tests of storage in a bucket.
BUCKET = "localdigital-attachments"
REGION = "eu-west-2"


@pytest.fixture
def log_lines():
    """The lines the site's own log handler writes during the test, parsed.

    The handler is the one settings.LOGGING configures, with its filter and
    its formatter; only its stream is swapped for one the test can read.
    """
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint):
    """A client of the test server, with an empty bucket for the attachments."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    yield client
    for stored in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=stored["Key"])
    client.delete_bucket(Bucket=BUCKET)
