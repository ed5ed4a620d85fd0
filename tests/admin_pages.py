"""Reading Django admin pages as a person does, for the tests of every app's
admin: the words on a page."""

import re
from html import unescape


def page_text(response) -> str:
    """The words on the page, without tags, as a person reads them."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # Words run on across inline tags ("<strong>overdue</strong>."); other tags separate them.
    html = re.sub(r"</?(strong|em|b|a|span|code)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
