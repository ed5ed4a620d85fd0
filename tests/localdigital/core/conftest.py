"""Fixtures for the tests of the shared building blocks."""

import io
import json
import logging

import pytest


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
