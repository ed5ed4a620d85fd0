import pytest

from tests.localdigital.pages.search.search_content import make_search_content


@pytest.fixture
def search_content(db):
    make_search_content()
