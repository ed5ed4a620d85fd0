"""The plain-text part of an email made from Markdown's sanitised HTML."""

from localdigital.core.markdown import render_markdown
from localdigital.core.plain_text import html_to_text


def test_paragraphs_lists_and_links_read_as_plain_text():
    html = render_markdown(
        "## Dates\n\nBids open on **1 April**. See [the guide](https://example.com/g).\n\n"
        "- one\n- two & three\n\nThanks"
    )

    assert html_to_text(html) == (
        "Dates\n\nBids open on 1 April. See the guide (https://example.com/g).\n\n"
        "- one\n- two & three\n\nThanks\n"
    )
