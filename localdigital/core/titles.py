"""Page titles that fit where search engines and browser tabs show them.

base.html puts " – Local Digital" after each page's title; search engines cut
a title at about 70 characters. Titles made from data (a principle, a funded
project, an organisation's name) are cut at a word to fit, with an ellipsis.
The page's heading still says it in full.
"""

TITLE_MAX = 70
SITE_SUFFIX = " – Local Digital"
ELLIPSIS = "…"


def fitting_title(text: str) -> str:
    """`text`, cut at a word boundary if need be, so that with the suffix it fits."""
    text = " ".join(text.split())
    room = TITLE_MAX - len(SITE_SUFFIX)
    if len(text) <= room:
        return text
    cut = text[: room - len(ELLIPSIS) + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + ELLIPSIS
