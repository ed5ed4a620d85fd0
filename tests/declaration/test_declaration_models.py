import pytest
from django.db import IntegrityError

from declaration.models import Declaration, Principle

pytestmark = pytest.mark.django_db


def test_every_installation_starts_with_the_declaration_and_its_five_principles():
    declaration = Declaration.objects.get()

    assert declaration.title == "The Local Digital Declaration"
    assert "<li>" in declaration.aims_html
    assert [p.title for p in Principle.objects.in_order()] == [
        "Design services around the needs of people",
        "'Fix the plumbing' of technology infrastructure, systems and data",
        "Use and share information safely",
        "Demonstrate digital leadership",
        "Embed an open culture that promotes digital ways of working",
    ]
    assert all("<li>" in p.commitments_html for p in Principle.objects.all())


def test_markdown_is_rendered_when_a_principle_is_saved():
    principle = Principle.objects.get(number=1)
    principle.summary = "Start with **needs**, [not systems](https://www.gov.uk/)."
    principle.save()

    principle.refresh_from_db()
    assert principle.summary_html == (
        '<p>Start with <strong>needs</strong>, <a href="https://www.gov.uk/" rel="noopener noreferrer">not systems</a>.</p>'
    )


def test_markdown_cannot_put_script_or_styles_on_a_public_page():
    declaration = Declaration.objects.get()
    declaration.introduction = (
        "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> "
        '<a href="javascript:alert(3)">link</a> <span style="color:red">red</span>'
    )
    declaration.save()

    html = Declaration.objects.get().introduction_html
    for dangerous in ("<script", "onerror", "javascript:", "<img", "style="):
        assert dangerous not in html


def test_a_second_declaration_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        Declaration.objects.bulk_create(
            [Declaration(id=2, title="Another", introduction="", aims="", closing="")]
        )


def test_saving_a_declaration_edits_the_one_there_is():
    Declaration(title="Edited", introduction="New", aims="- one", closing="End").save()

    assert Declaration.objects.count() == 1
    assert Declaration.objects.get().title == "Edited"


def test_two_principles_cannot_share_a_number():
    with pytest.raises(IntegrityError):
        Principle.objects.create(
            number=1, slug="duplicate", title="Duplicate", summary="", commitments=""
        )
