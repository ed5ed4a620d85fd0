"""The single-use links we email about a sign-up: made, found, used, stopped.
Only a hash of each link's token is stored."""

from django.urls import reverse
from django.utils import timezone

from localdigital.core.tokens import hash_token, new_token
from signatories.models import LINK_LIFETIMES, LinkPurpose, SignUp, SignUpLink

# The page each kind of link opens.
URL_NAMES = {
    LinkPurpose.CONFIRM_EMAIL: "sign:confirm-email",
    LinkPurpose.EDIT: "sign:edit",
    LinkPurpose.SIGN: "sign:approver-sign",
    LinkPurpose.REPORT: "sign:report",
}


def new_link(*, sign_up: SignUp, purpose: LinkPurpose) -> str:
    """Make a single-use link and return its path."""
    token, token_hash = new_token()
    SignUpLink.objects.create(
        sign_up=sign_up,
        purpose=purpose,
        token_hash=token_hash,
        expires_at=timezone.now() + LINK_LIFETIMES[purpose],
    )
    return reverse(URL_NAMES[purpose], kwargs={"token": token})


def find_link(*, token: str, purpose: LinkPurpose) -> SignUpLink | None:
    """The unused, unexpired link for `token`, or None."""
    return (
        SignUpLink.objects.usable()
        .select_related("sign_up__organisation")
        .filter(token_hash=hash_token(token), purpose=purpose)
        .first()
    )


def find_any_link(*, token: str, purpose: LinkPurpose) -> SignUpLink | None:
    """The link for `token` even if used or expired, to say why it no longer works."""
    return (
        SignUpLink.objects.select_related("sign_up")
        .filter(token_hash=hash_token(token), purpose=purpose)
        .first()
    )


def use_link(link: SignUpLink) -> bool:
    """Mark the link used; False if someone else used it first."""
    return bool(
        SignUpLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
    )


def close_links(sign_up: SignUp) -> None:
    """Stop every unused link: once a sign-up is rejected or removed, an old email
    must not let the officer edit it or the approver sign it."""
    sign_up.links.filter(used_at__isnull=True, expires_at__gt=timezone.now()).update(
        expires_at=timezone.now()
    )
