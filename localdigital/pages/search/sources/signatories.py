"""Organisations that have signed, with the commitment each made.

Only signed sign-ups: one waiting for review, rejected or removed is not public.
"""

from urllib.parse import urlencode

from django.urls import reverse

from localdigital.pages.search.source import Result, Source
from signatories.models import SignUp


def _public():
    return SignUp.objects.signed().select_related("organisation", "commitment")


def _describe(sign_up: SignUp) -> Result:
    commitment = getattr(sign_up, "commitment", None)
    return Result(
        title=sign_up.organisation.name,
        url=sign_up.organisation.get_absolute_url(),
        caption="Signatory",
        summary=f"Commitment: {commitment.title}" if commitment else "",
    )


def _see_all_url(q: str) -> str:
    return f"{reverse('signatories:list')}?{urlencode({'q': q})}"


SOURCE = Source(
    key="signatories",
    heading="Signatories",
    singular="signatory",
    plural="signatories",
    public=_public,
    documents=("organisation__search_document", "commitment__search_document"),
    fields=(
        "organisation__name",
        "commitment__title",
        "commitment__mission",
        "commitment__impact",
        "commitment__partners",
    ),
    titles=2,
    describe=_describe,
    see_all_url=_see_all_url,
)
