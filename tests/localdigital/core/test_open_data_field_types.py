"""A dataset's field says what its CSV cells hold, in Frictionless Table Schema's
words, so that the data package types each column from the same definition."""

import pytest

from localdigital.core.open_data import Field


def test_a_field_holds_text_unless_it_says_otherwise():
    field = Field("title", "The title.", "A title", lambda record, request: "A title")

    assert field.type == "string"


@pytest.mark.parametrize("kind", ["integer", "date", "datetime"])
def test_a_field_may_be_a_number_a_date_or_a_moment(kind):
    assert Field("x", "X.", "1", lambda record, request: 1, type=kind).type == kind


def test_a_type_the_data_package_cannot_name_is_refused_when_the_field_is_defined():
    with pytest.raises(ValueError, match="'money' is not one of"):
        Field("amount", "The amount.", "£1", lambda record, request: 1, type="money")
