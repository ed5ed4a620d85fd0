"""Helpers for the tests of the public pages about signatories: an organisation
that has signed, and the page's words and listed names as a visitor reads them."""

import datetime
import re

from django.utils import timezone

from signatories.models import Nation, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory


def signed(name: str, *, days_ago: int = 0, commitment: dict | None = None, **organisation):
    """An organisation that signed some days ago, with its commitment."""
    organisation.setdefault("nation", Nation.ENGLAND)
    sign_up = SignUpFactory(
        organisation=OrganisationFactory(name=name, **organisation),
        state=SignUpState.SIGNED,
        signed_at=timezone.now() - datetime.timedelta(days=days_ago),
        signed_by_name="Tom Evans",
        approver_role="Chief Executive",
        **{f"commitment__{key}": value for key, value in (commitment or {}).items()},
    )
    return sign_up


def text(response) -> str:
    """The page's text as a person reads it: tags gone, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title|head)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def listed_names(response) -> list[str]:
    """The organisations in the results, in the order shown."""
    html = response.content.decode()
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="/signatories/[^"]+">([^<]+)</a>',
        html,
    )
