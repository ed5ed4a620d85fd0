"""Answer summaries as plain data: the sections of a check-your-answers page,
each a list of answers. Views build them; one Jinja macro
(templates/macros/summary.html) turns them into GOV.UK summary lists, so no
markup is written in Python.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """One entry of an answer that is a list: text, perhaps a link, perhaps a note after it."""

    text: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Answer:
    """One row: a question's label and what was answered.

    Exactly one of the kinds of value is shown: `text` as it is; `paragraphs`,
    long text shown a paragraph a line; `items`, a list. An empty value shows
    `empty` instead. With `change_url`, the row links to where the answer is
    changed; `change_hidden` says what it changes, for screen readers.
    """

    label: str
    text: str = ""
    paragraphs: str | None = None
    items: list[Item] | None = None
    empty: str = "Not answered"
    change_url: str = ""
    change_hidden: str = ""


@dataclass(frozen=True)
class SummarySection:
    heading: str
    answers: list[Answer] = field(default_factory=list)
    id: str = ""


def items(texts) -> list[Item]:
    """Plain text entries as the items of a list answer."""
    return [Item(text=str(text)) for text in texts]
