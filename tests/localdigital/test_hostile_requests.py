"""Whatever a POST carries, every form answers with a page, never a server error.

The other hostile-input tests post hostile values in well-formed requests;
here the request itself is hostile too: random and made-up content types,
charsets that are no text encoding, broken multipart bodies, raw bytes,
files that are not what they say. Each goes to every POST endpoint: the
sign-up pages, the officer's sign-in and its links, each section of a bid,
uploads, check your answers, withdrawing, and each step of the staff's
sign-in (password, code, setting up an app, recovery codes), in every state a
session can be in on the way; half of them through the CSRF check, which
reads the body first.
"""

import time
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from hypothesis import given
from hypothesis import strategies as st

from funding.models import Section
from funding.officer_session import SESSION_KEY
from localdigital.core import staff_sign_in
from tests.factories import BidFactory
from tests.funding.documents import DOCUMENTS, MINIMAL_PDF
from tests.hostile import ALLOWED_STATUSES, fresh_client, hostile, hostile_text
from tests.staff import MODEL_BACKEND, authenticator_of, sign_in_staff

pytestmark = pytest.mark.django_db

# A refusal by the CSRF check is a page too.
ANSWERED = ALLOWED_STATUSES | {403}

SIGN_UP_PAGES = [
    "/sign/",
    "/sign/organisation/",
    "/sign/your-details/",
    "/sign/senior-approver/",
    "/sign/project/",
    "/sign/principles/",
    "/sign/service-area/",
    "/sign/authority/",
    "/sign/check-answers/",
    "/sign/new-link/",
    "/sign/confirm/made-up-token/",
    "/sign/edit/made-up-token/",
    "/sign/approve/made-up-token/",
]
FUND_PAGES = ["/fund/apply/sign-in/", "/fund/apply/sign-in/made-up-token/", "/fund/apply/sign-out/"]


def bid_pages(bid) -> list[str]:
    base = f"/fund/apply/bids/{bid.pk}/"
    return [
        *(f"{base}{section}/" for section in Section.values),
        f"{base}check-your-answers/",
        f"{base}withdraw/",
        f"/fund/apply/{bid.round.slug}/",
        f"/fund/apply/{bid.round.slug}/eligibility/",
    ]


charsets = st.one_of(
    st.sampled_from(
        ["utf-8", "UTF-8", "latin-1", "rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri"]
    ),
    st.sampled_from(["undefined", "idna", "utf-7", "utf-16", "unicode_escape", "punycode"]),
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=12),
)
boundaries = st.one_of(
    st.sampled_from(["zzz", "", '"quoted"', "a" * 80, "----WebKitFormBoundary7MA4YWxkTrZu0gW"]),
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=75),
)
content_types = st.one_of(
    st.builds(
        lambda boundary, charset: f"multipart/form-data; boundary={boundary}; charset={charset}",
        boundaries,
        charsets,
    ),
    st.builds(lambda boundary: f"multipart/form-data; boundary={boundary}", boundaries),
    st.builds(lambda charset: f"application/x-www-form-urlencoded; charset={charset}", charsets),
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/mixed; boundary=zzz",
            "application/json",
            "text/plain",
            "text/html; charset=rot13",
            "",
            ";;;",
            "multipart/form-data; boundary=zzz; boundary=yyy",
            "application/x-www-form-urlencoded; charset=utf-8; charset=rot13",
        ]
    ),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
)
FILES = [MINIMAL_PDF, *(content for _, content in DOCUMENTS.values())] + [
    MINIMAL_PDF.replace(b"trailer", b"<script>alert(1)</script>trailer"),
    b"PK\x03\x04" + bytes(30),
    b"%PDF-" + bytes(100),
]
field_names = st.one_of(
    st.sampled_from(
        ["email", "name", "action", "completed", "attachment", "title", "next", "username"]
    ),
    st.sampled_from(["csrfmiddlewaretoken", "password", "website", "organisation", "lead"]),
    st.sampled_from(["code"]),
    hostile_text.filter(lambda name: len(name) < 100),
)


@st.composite
def multipart_bodies(draw, boundary: str) -> bytes:
    """A multipart body for `boundary`, sometimes whole, sometimes cut off or mangled."""
    parts = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        name = draw(field_names).replace('"', "").replace("\r", "").replace("\n", "")
        if draw(st.booleans()):
            filename = draw(st.sampled_from(["letter.pdf", "a.docx", "", "../../x", "é.pdf"]))
            head = f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'
            type_line = draw(st.sampled_from(["application/pdf", "text/html", "x/y", ""]))
            header = f"{head}\r\nContent-Type: {type_line}".encode()
            value = draw(st.one_of(st.sampled_from(FILES), st.binary(max_size=200)))
        else:
            header = f'Content-Disposition: form-data; name="{name}"'.encode()
            value = draw(st.one_of(hostile_text.map(str.encode), st.binary(max_size=100)))
        parts.append(b"--" + boundary.encode() + b"\r\n" + header + b"\r\n\r\n" + value + b"\r\n")
    body = b"".join(parts) + b"--" + boundary.encode() + b"--\r\n"
    cut = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=len(body))))
    return body if cut is None else body[:cut]


def urlencoded_body(fields: list[tuple[str, str]]) -> bytes:
    return urlencode(fields).encode()


@st.composite
def requests(draw, paths: list[str]) -> tuple[str, str, bytes, bool]:
    """A path, a content type, a body and whether the CSRF check runs.

    Mostly a body of the kind its content type says (so that it is parsed,
    in whatever charset is named), sometimes anything at all.
    """
    path = draw(st.sampled_from(paths))
    kind = draw(st.sampled_from(["multipart", "urlencoded", "anything"]))
    charset = draw(st.one_of(st.none(), charsets))
    named = f"; charset={charset}" if charset is not None else ""
    urlencoded = st.lists(st.tuples(field_names, hostile_text), max_size=4).map(urlencoded_body)
    if kind == "multipart":
        boundary = draw(boundaries)
        content_type = f"multipart/form-data; boundary={boundary}{named}"
        body = draw(st.one_of(multipart_bodies(boundary.strip('"') or "zzz"), st.binary()))
    elif kind == "urlencoded":
        content_type = f"application/x-www-form-urlencoded{named}"
        body = draw(urlencoded)
    else:
        content_type = draw(content_types)
        body = draw(st.one_of(st.binary(max_size=300), urlencoded, st.just(b"")))
    return path, content_type, body, draw(st.booleans())


def post(path: str, content_type: str, body: bytes, *, check_csrf: bool, officer: str = ""):
    client = fresh_client()
    client.handler.enforce_csrf_checks = check_csrf
    if officer:
        session = client.session
        session[SESSION_KEY] = officer
        session.save()
    return client.generic("POST", path, body, content_type=content_type)


def test_any_post_to_the_public_forms_is_answered_with_a_page():
    paths = [*SIGN_UP_PAGES, *FUND_PAGES, f"/{settings.ADMIN_URL}login/"]

    @hostile(60)
    @given(request=requests(paths))
    def check(request):
        path, content_type, body, check_csrf = request

        response = post(path, content_type, body, check_csrf=check_csrf)

        assert response.status_code in ANSWERED, (path, content_type, response.status_code)

    check()


def test_any_post_to_a_bids_pages_and_uploads_is_answered_with_a_page():
    bid = BidFactory(title="", summary="", completed_sections=[])
    officer = f"priya.shah@{bid.lead.domain_list[0]}"

    @hostile(60)
    @given(request=requests(bid_pages(bid)))
    def check(request):
        path, content_type, body, check_csrf = request

        response = post(path, content_type, body, check_csrf=check_csrf, officer=officer)

        assert response.status_code in ANSWERED, (path, content_type, response.status_code)

    check()


def staff_sign_in_pages() -> list[str]:
    admin = f"/{settings.ADMIN_URL}login/"
    return [admin, f"{admin}code/", f"{admin}set-up/", f"{admin}recovery-codes/"]


def half_signed_in(client, user) -> None:
    """The session as the password page leaves it: password given, code awaited."""
    session = client.session
    session[staff_sign_in.PENDING] = {
        "user": user.pk,
        "backend": MODEL_BACKEND,
        "at": time.time(),
        "next": f"/{settings.ADMIN_URL}",
    }
    session.save()


def shown_recovery_codes(client, user) -> None:
    """The session just after setting up an app: signed in, codes waiting to be seen."""
    sign_in_staff(client, user)
    session = client.session
    session[staff_sign_in.RECOVERY_CODES] = {
        "codes": ["abcd1234"],
        "next": f"/{settings.ADMIN_URL}",
    }
    session.save()


def test_any_post_to_the_staff_sign_in_steps_is_answered_with_a_page():
    users = get_user_model().objects
    enrolled = users.create_user("enrolled", password="a long staff passphrase", is_staff=True)
    authenticator_of(enrolled)
    new = users.create_user("new", password="a long staff passphrase", is_staff=True)
    # Each way a visitor can arrive: not signed in at all, with a password
    # given by someone who has an app or has yet to set one up, and signed in
    # with recovery codes to see.
    sessions = {
        "anonymous": lambda client: None,
        "code awaited": lambda client: half_signed_in(client, enrolled),
        "app to set up": lambda client: half_signed_in(client, new),
        "recovery codes to see": lambda client: shown_recovery_codes(client, enrolled),
    }

    @hostile(80)
    @given(request=requests(staff_sign_in_pages()), state=st.sampled_from(sorted(sessions)))
    def check(request, state):
        path, content_type, body, check_csrf = request
        client = fresh_client()
        client.handler.enforce_csrf_checks = check_csrf
        sessions[state](client)

        response = client.generic("POST", path, body, content_type=content_type)

        assert response.status_code in ANSWERED, (path, state, content_type, response.status_code)

    check()
