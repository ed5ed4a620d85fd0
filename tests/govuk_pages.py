"""Reading the site's public pages as a person does: the words, the title, and
the messages in the GOV.UK error summary."""

import re
from html import unescape


def text(response) -> str:
    """The page as a person reads it: tags removed, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def title(response) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1]).strip()


def error_summary(response) -> list[str]:
    html = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    if not summary:
        return []
    return [
        unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", summary[0], re.S)
    ]
