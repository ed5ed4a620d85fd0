"""Published case studies as CSV and JSON, described on /open-data/; nothing
waiting for staff, and never the proposer's email address."""

import csv
import io
import json

import pytest

from tests.factories import signed_council
from tests.govuk_pages import text
from tests.sharing.cases import propose, published_case_study

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_the_csv_lists_published_case_studies_with_their_outcomes(client):
    council = signed_council(name="Leadshire County Council")
    published_case_study([council], title="Published one")
    propose([council], title="Waiting one")

    rows = list(csv.DictReader(io.StringIO(_body(client.get("/case-studies.csv")))))

    assert [row["title"] for row in rows] == ["Published one"]
    assert "Leadshire County Council" in rows[0]["councils"]
    assert "Calls about missed bins: down 40%" in rows[0]["outcomes"]
    assert "priya.shah" not in _body(client.get("/case-studies.csv"))


def test_the_json_has_the_same_case_studies(client):
    published_case_study([signed_council()], title="Published one")

    data = json.loads(_body(client.get("/case-studies.json")))

    assert "Published one" in json.dumps(data)
    assert "priya.shah" not in json.dumps(data)


def test_the_open_data_page_describes_them(client):
    page = text(client.get("/open-data/"))

    assert "Case studies" in page
    assert "/case-studies.csv" in client.get("/open-data/").content.decode()


@pytest.mark.parametrize("path", ["/case-studies.csv", "/case-studies.json"])
@pytest.mark.parametrize("size", [1, 3])
def test_case_study_open_data_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, path, size
):
    councils = [signed_council() for _ in range(size)]
    for number in range(size):
        published_case_study(councils, title=f"Case {number}")

    # As every download does, one; the rows, then their councils, principles,
    # outcomes and projects (a chunk at a time); JSON counts them first.
    with django_assert_num_queries(7 if path.endswith("json") else 6):
        b"".join(client.get(path).streaming_content)
