"""Which organisations an officer, known only by the email address they
signed in with, may bid for.

Officers have no accounts. An address belongs to an organisation when it is
the officer's or the senior approver's on the organisation's signed sign-up,
or when its domain is one of the organisation's email domains (or below one:
someone@housing.hackney.gov.uk belongs to hackney.gov.uk).
"""

import re

from django.db.models import Q, QuerySet

from signatories.models import SHARED_EMAIL_DOMAINS, Organisation, SignUpState


def parent_domains(email: str) -> list[str]:
    """The address's domain and each domain above it with at least two labels,
    leaving out domains that many organisations share (gov.uk, gmail.com)."""
    _local, _at, domain = email.strip().lower().rpartition("@")
    labels = [label for label in domain.rstrip(".").split(".") if label]
    candidates = [".".join(labels[start:]) for start in range(len(labels) - 1)]
    return [domain for domain in candidates if domain not in SHARED_EMAIL_DOMAINS]


def _address_matches(email: str) -> Q:
    """Organisations whose sign-up names `email`, or whose email domains include its domain.

    Conditions on sign_ups must stay in the same filter() call as any other
    condition on the sign-up, so that both are looked for on the same one.
    """
    email = email.strip()
    named = Q(sign_ups__officer_email__iexact=email) | Q(sign_ups__approver_email__iexact=email)
    domains = parent_domains(email)
    if not domains:
        return named
    # One domain a line in email_domains, perhaps typed with an "@" or spaces.
    alternatives = "|".join(re.escape(domain) for domain in domains)
    return named | Q(email_domains__iregex=rf"(^|\n)[ \t]*@?({alternatives})[ \t\r]*(\n|$)")


def _distinct(matching: QuerySet[Organisation]) -> QuerySet[Organisation]:
    # The join to sign-ups can find an organisation more than once.
    return Organisation.objects.filter(pk__in=matching.values("pk")).order_by("name")


def organisations_of(email: str) -> QuerySet[Organisation]:
    """The signed organisations that `email` belongs to."""
    # One filter(), so that the signed sign-up is the one whose officer or
    # approver the address is (not an older, rejected one).
    return _distinct(
        Organisation.objects.current().filter(
            Q(sign_ups__state=SignUpState.SIGNED) & _address_matches(email)
        )
    )


def organisations_matching(email: str) -> QuerySet[Organisation]:
    """The organisations `email` would belong to if they had signed.

    Used to tell an officer whose address belongs to no signed organisation
    why that is: their organisation is still signing, say.
    """
    return _distinct(Organisation.objects.current().filter(_address_matches(email)))


def lead_councils_of(email: str) -> QuerySet[Organisation]:
    """The signed councils `email` belongs to: the organisations it may lead a bid for."""
    return _distinct(
        Organisation.objects.signed_current_councils().filter(
            pk__in=organisations_of(email).values("pk")
        )
    )
