"""Helpers for the tests of the moderators' admin: the queue's addresses, its
rows as text, and a move posted from a sign-up's page."""

import datetime
import re
from html import unescape

from django.utils import timezone

QUEUE = "/admin/signatories/signup/"


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def queue_rows(response) -> list[str]:
    """Each row of the queue's table, as text."""
    html = response.content.decode()
    body = html[html.index('<table id="result_list"') :]
    body = body[: body.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)[1:]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def references_listed(response) -> list[str]:
    return [row.split()[0] for row in queue_rows(response)]


def change_url(sign_up) -> str:
    return f"{QUEUE}{sign_up.pk}/change/"


def moderate_url(sign_up, move: str) -> str:
    return f"{QUEUE}{sign_up.pk}/moderate/{move}/"


def post_move(client, sign_up, move, data=None, *, seen_state=None, capture):
    data = {"seen_state": seen_state or sign_up.state, **(data or {})}
    with capture(execute=True):
        return client.post(moderate_url(sign_up, move), data, follow=True)
