"""The plain-text twin of the sanitised HTML that render_markdown makes, for
the text part of an email: paragraphs and headings apart, list items as
"- " lines, and each link's address after its words (a text email has no
hidden addresses)."""

import re
from html.parser import HTMLParser

BLOCKS = {"p", "h2", "h3", "blockquote", "ul", "ol"}


class _TextWriter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.href = ""

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS or tag == "li":
            self._end_block()
        if tag == "li":
            self.current.append("- ")
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag):
        if tag == "a" and self.href:
            self.current.append(f" ({self.href})")
            self.href = ""
        elif tag in BLOCKS or tag == "li":
            self._end_block(tight=tag == "li")
        if tag in {"ul", "ol"} and self.blocks:
            # The list's last item, tight to its siblings, stands apart from what follows.
            self.blocks[-1] = self.blocks[-1].rstrip("\n") + "\n\n"

    def handle_data(self, data):
        self.current.append(re.sub(r"\s+", " ", data))

    def _end_block(self, *, tight: bool = False):
        text = "".join(self.current).strip()
        self.current = []
        if text:
            self.blocks.append(text + ("\n" if tight else "\n\n"))


def html_to_text(html: str) -> str:
    writer = _TextWriter()
    writer.feed(html or "")
    writer.close()
    writer._end_block()
    return "".join(writer.blocks).strip() + "\n"
