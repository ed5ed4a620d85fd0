"""Reading Django admin pages as a person does, for the tests of every app's
admin: the words on a page, and the staff who read it."""

import re
from html import unescape

from django.contrib.auth.models import Group


def page_text(response) -> str:
    """The words on the page, without tags, as a person reads them."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    # Words run on across inline tags ("<strong>overdue</strong>."); other tags separate them.
    html = re.sub(r"</?(strong|em|b|a|span|code)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def make_staff(django_user_model, username: str, group: str | None = None, **fields):
    user = django_user_model.objects.create_user(
        username=username, password="unused-password-123", is_staff=True, **fields
    )
    if group:
        # Made by migration: get it, never create it.
        user.groups.add(Group.objects.get(name=group))
    return user
