"""Fixtures shared by every test: a live server and Chromium for browser tests."""

import importlib
import os
import shutil

import pytest
from django.apps import apps
from pytest_django.live_server_helper import LiveServer

from tests.accessibility import assert_no_axe_violations

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def clear_cache():
    """Start each test with an empty cache, so that rate limits counted in one
    test (all from the same address) do not spill into the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's signed-in superuser, signed in with a second factor as
    staff must be (its own fixture signs in with a password alone). A client
    of its own, as pytest-django's is, beside `client`."""
    from django.test import Client

    from tests.staff import sign_in_staff

    admin_client = Client()
    sign_in_staff(admin_client, admin_user)
    return admin_client


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test users' passwords cheaply: the real hasher is slow on purpose
    (half a second a password here), which no test is about."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(tmp_path, settings):
    """Keep each test's uploaded attachments, and built open-data files, in a directory of its own."""
    from django.core.files.storage import storages

    from funding.models import attachment_storage

    location = tmp_path / "private-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            **settings.STORAGES["attachments"],
            "OPTIONS": {"location": location},
        },
        "open_data": {
            **settings.STORAGES["open_data"],
            "OPTIONS": {"location": tmp_path / "open-data"},
        },
    }
    # The storages handler keeps the backends it has made; forget them so the
    # new location is used.
    storages._storages = {}
    attachment_storage.reset()
    yield location
    storages._storages = {}
    attachment_storage.reset()


@pytest.fixture(scope="session")
def live_server():
    """A live server that serves static files the way production does.

    pytest-django's own live server answers /static/ from the source folders,
    which know nothing of the hashed names in our manifest; here whitenoise
    serves the collected files, as it does behind gunicorn.
    """
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is needed for the browser tests and was not found at {CHROMIUM}.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, live_server, *, javascript: bool):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.javascript_disabled = not javascript
    # A page that breaks our Content Security Policy logs an error: fail on it.
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A browser tab with JavaScript on."""
    context, page = _new_page(browser, live_server, javascript=True)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    """A browser tab with JavaScript off, as some users and many scanners have."""
    context, page = _new_page(browser, live_server, javascript=False)
    yield page
    context.close()


@pytest.fixture
def assert_accessible():
    return assert_no_axe_violations


@pytest.fixture
def site_content(transactional_db):
    """Put back the content that migrations load.

    Tests that commit for real (browser tests, whose server thread shares the
    database; tests of worker processes and of concurrency) empty the database
    after each one: the declaration's text, which every installation starts
    with, is loaded again here, and so are the list of service areas that commitments are tagged with, the staff
    groups (content editors, moderators, fund assessors and managers) and the reasons
    moderators choose from to reject a sign-up.
    """
    content = importlib.import_module("declaration.migrations.0002_declaration_content")
    content.add_content(apps, schema_editor=None)
    service_areas = importlib.import_module("declaration.migrations.0005_service_areas")
    service_areas.add_service_areas(apps, schema_editor=None)
    moderators = importlib.import_module("signatories.migrations.0003_moderators_group")
    moderators.create_group(apps, schema_editor=None)
    moderators.add_rejection_reasons(apps, schema_editor=None)
    editors = importlib.import_module("declaration.migrations.0003_content_editors_group")
    editors.create_group(apps, schema_editor=None)
    fund_groups = importlib.import_module("funding.migrations.0002_fund_assessors_group")
    fund_groups.create_groups(apps, schema_editor=None)
    assignment = importlib.import_module("funding.migrations.0007_assessor_assignment")
    assignment.create_groups(apps, schema_editor=None)
    panel = importlib.import_module("funding.migrations.0008_panel_moderation_and_awards")
    panel.let_assessors_moderate(apps, schema_editor=None)
    expressions = importlib.import_module("funding.migrations.0009_expressions")
    expressions.grant_assessors(apps, schema_editor=None)
    bulletins = importlib.import_module("subscriptions.migrations.0002_bulletins")
    bulletins.give_content_editors_permissions(apps, schema_editor=None)
    case_studies = importlib.import_module("sharing.migrations.0002_case_studies")
    case_studies.give_case_studies(apps, schema_editor=None)


@pytest.fixture
def page_cache(settings):
    """Keep public pages whole in the cache, as production does.

    Off in other tests (pyproject.toml), whose records are made by factories
    that do not raise the content version the services raise.
    """
    settings.PAGE_CACHE_SECONDS = 60
