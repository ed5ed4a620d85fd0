import importlib

import pytest
from django.apps import apps

from tests.conftest import _new_page


@pytest.fixture(autouse=True)
def site_content(transactional_db):
    """Put back the content that migrations load.

    Browser tests share the database with the server thread, so they commit
    for real, and the database is emptied after each one; the declaration's
    text, which every installation starts with, is loaded again here, and so
    are the list of service areas that commitments are tagged with, the staff
    groups (content editors, moderators, fund assessors) and the reasons
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
