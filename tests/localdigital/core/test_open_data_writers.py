"""A dataset's field says what its CSV cells hold, in Frictionless Table Schema's
words, so that the data package types each column from the same definition; and
JSON files are written a record at a time, as json.dumps would write them whole."""

import json

import pytest

from localdigital.core.open_data import Field, streamed_json


def test_a_field_holds_text_unless_it_says_otherwise():
    field = Field("title", "The title.", "A title", lambda record, request: "A title")

    assert field.type == "string"


@pytest.mark.parametrize("kind", ["integer", "date", "datetime"])
def test_a_field_may_be_a_number_a_date_or_a_moment(kind):
    assert Field("x", "X.", "1", lambda record, request: 1, type=kind).type == kind


def test_a_type_the_data_package_cannot_name_is_refused_when_the_field_is_defined():
    with pytest.raises(ValueError, match="'money' is not one of"):
        Field("amount", "The amount.", "£1", lambda record, request: 1, type="money")


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": 1}, {"b": ["x", "é"]}]])
def test_streamed_json_writes_the_text_json_dumps_would(items):
    head = {"title": "Grants", "count": len(items)}

    text = "".join(streamed_json(head, "grants", iter(items)))

    assert text == json.dumps({**head, "grants": items}, ensure_ascii=False, indent=2)
