"""The officer's journey around a bid: signing in by an emailed link, the
eligibility questions that start a draft, the task list, check your answers,
submitting, and withdrawing. (The pages of the bid's sections are in
section_views.)

Each view reads like a list of guards: who is signed in, whether the bid is
their organisation's, what state it is in; then the form and the service.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from funding import forms, officer_session, sections, services
from funding.answers import bid_answers, read_answers
from funding.models import (
    COUNTED_STATES,
    DECIDED_STATES,
    Bid,
    BidState,
    BidSubmission,
    Round,
    Section,
)
from funding.officer_session import (
    officer_bid,
    officer_required,
    redirect_to_sign_in,
    safe_next,
    signed_in_email,
)
from funding.officers import lead_councils_of, organisations_matching, organisations_of
from funding.workflow import IllegalMove
from localdigital.core.forms import honeypot_filled
from localdigital.core.jinja2 import govuk_date_time
from localdigital.core.ratelimit import rate_limit
from signatories.models import Organisation

# Asking for a sign-in link sends an email. A council's officers often share
# one outgoing address, and on a round's last day many may sign in within the
# hour; the service also limits the links sent to any one email address,
# wherever the asking comes from, so a flood still reaches nobody's inbox.
SIGN_IN_LIMIT = {"scope": "fund-sign-in", "limit": 40, "per_seconds": 60 * 60}
# Pressing the button on a link's page; each link works once.
LINK_LIMIT = {"scope": "fund-sign-in-link", "limit": 60, "per_seconds": 60 * 60}
# Answering the eligibility questions and signing out.
QUESTION_LIMIT = {"scope": "fund-questions", "limit": 60, "per_seconds": 10 * 60}
# Submitting and withdrawing, which email the officers and partners.
BID_EMAIL_LIMIT = {"scope": "fund-bid-email", "limit": 40, "per_seconds": 60 * 60}

# What this journey keeps in the visitor's session.
NEXT_KEY = "fund_sign_in_next"  # where to go once signed in
SENT_TO_KEY = "fund_sign_in_sent_to"  # the address a link was asked for, to show it
SIGNED_OUT_KEY = "fund_signed_out"
START_KEY = "fund_bid_start"  # the eligibility answers so far: round and lead council
NOTICE_KEY = "fund_notice"  # a one-off message for the your-bids page

STATE_TAG_CLASSES = {
    BidState.DRAFT: "govuk-tag--grey",
    BidState.SUBMITTED: "govuk-tag--blue",
    BidState.IN_ASSESSMENT: "govuk-tag--light-blue",
    BidState.FUNDED: "govuk-tag--green",
    BidState.NOT_FUNDED: "govuk-tag--orange",
    BidState.WITHDRAWN: "govuk-tag--grey",
}
WITHDRAWABLE_STATES = {BidState.SUBMITTED, BidState.IN_ASSESSMENT}


def _your_bids_url() -> str:
    return reverse("apply:your-bids")


# Signing in and out ----------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**SIGN_IN_LIMIT)
def sign_in(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    next_url = safe_next(request, source.get("next"), default=_your_bids_url())
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect("apply:sign-in-check-email")
        form = forms.SignInForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            # The same answer for every address, known or not (see the service).
            services.sign_in_request(email=email)
            request.session[NEXT_KEY] = next_url
            request.session[SENT_TO_KEY] = email
            return redirect("apply:sign-in-check-email")
    else:
        form = forms.SignInForm()
    return render(
        request,
        "fund/apply/sign_in.html",
        {
            "page_title": "Sign in to bid",
            "form": form,
            "next": next_url if next_url != _your_bids_url() else "",
        },
    )


@never_cache
@require_safe
def check_email(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "fund/apply/check_email.html",
        {
            "page_title": "Check your email",
            "email": request.session.get(SENT_TO_KEY, ""),
            "minutes": int(services.SIGN_IN_LINK_LIFETIME.total_seconds() // 60),
        },
    )


def _link_expired(request: HttpRequest) -> HttpResponse:
    # One page and one status for a link that is unknown, used or too old:
    # which of them it is helps nobody but someone guessing links.
    return render(
        request,
        "fund/apply/link_expired.html",
        {
            "page_title": "This link has expired or has been used",
            "minutes": int(services.SIGN_IN_LINK_LIFETIME.total_seconds() // 60),
        },
        status=410,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**LINK_LIMIT)
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    # Email security scanners open links to check them. Opening this one only
    # shows a button; the link is used when a person presses it.
    if request.method != "POST":
        link = services.sign_in_link_find(token=token)
        if link is None:
            return _link_expired(request)
        return render(
            request,
            "fund/apply/sign_in_link.html",
            {"page_title": "Sign in to bid", "email": link.email},
        )
    email = services.sign_in_link_use(token=token)
    if email is None:
        return _link_expired(request)
    next_url = request.session.pop(NEXT_KEY, None)
    request.session.pop(SENT_TO_KEY, None)
    officer_session.sign_in(request, email=email)
    return redirect(safe_next(request, next_url, default=_your_bids_url()))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit(**QUESTION_LIMIT)
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        officer_session.sign_out(request)
        request.session[SIGNED_OUT_KEY] = True
        return redirect("apply:sign-out")
    email = signed_in_email(request)
    just_signed_out = bool(request.session.pop(SIGNED_OUT_KEY, False)) and not email
    if email:
        title = "Sign out"
    elif just_signed_out:
        title = "You have signed out"
    else:
        title = "You are not signed in"
    return render(
        request,
        "fund/apply/sign_out.html",
        {"page_title": title, "email": email, "just_signed_out": just_signed_out},
    )


# The officer's bids ------------------------------------------------------------


def _state_tag(bid: Bid) -> dict:
    return {"text": bid.get_state_display(), "classes": STATE_TAG_CLASSES[bid.state]}


def _bid_row(bid: Bid) -> dict:
    return {"bid": bid, "title": bid.title or "Untitled bid", "state_tag": _state_tag(bid)}


@never_cache
@require_safe
@officer_required
def your_bids(request: HttpRequest) -> HttpResponse:
    email = signed_in_email(request)
    organisations = list(organisations_of(email))
    bids = (
        list(
            Bid.objects.led_by(organisations)
            .select_related("round", "lead")
            .order_by("-round__opens_at", "-updated_at", "-pk")
        )
        if organisations
        else []
    )
    councils = [organisation for organisation in organisations if organisation.is_council]
    return render(
        request,
        "fund/apply/your_bids.html",
        {
            "page_title": "Your bids",
            "email": email,
            "organisations": organisations,
            "councils": councils,
            "drafts": [_bid_row(bid) for bid in bids if bid.state == BidState.DRAFT],
            "sent": [_bid_row(bid) for bid in bids if bid.state in COUNTED_STATES],
            # A withdrawn draft was deleted, as far as the officer is concerned.
            "withdrawn": [
                _bid_row(bid) for bid in bids if bid.state == BidState.WITHDRAWN and bid.reference
            ],
            "open_rounds": list(Round.objects.open().order_by("closes_at", "pk"))
            if councils
            else [],
            "not_signed": [] if organisations else list(organisations_matching(email)),
            "domain": email.rpartition("@")[2],
            "notice": request.session.pop(NOTICE_KEY, None),
        },
    )


# Starting a bid: the eligibility questions -----------------------------------


def _round_or_404(slug: str) -> Round:
    round_ = Round.objects.select_related("fund").filter(slug=slug).first()
    if round_ is None:
        raise Http404("No round has this address.")
    return round_


def _round_not_open(request: HttpRequest, round_: Round) -> HttpResponse:
    return render(
        request,
        "fund/apply/round_not_open.html",
        {
            "page_title": f"{round_.name} is not open for bids",
            "round": round_,
            "has_closed": round_.has_closed(),
        },
    )


@never_cache
@require_safe
def start(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round_or_404(slug)
    # Whether a round is open is public: no need to sign in to be told it is not.
    if not round_.is_open():
        return _round_not_open(request, round_)
    if not signed_in_email(request):
        return redirect_to_sign_in(request)
    return redirect("apply:eligibility", slug=round_.slug)


def _start_answers(request: HttpRequest, round_: Round) -> dict:
    saved = request.session.get(START_KEY) or {}
    return saved if saved.get("round") == round_.pk else {}


def _chosen_lead(request: HttpRequest, round_: Round, councils: QuerySet) -> Organisation | None:
    """The lead council answered on the first question, if it is still one of the officer's."""
    slug = _start_answers(request, round_).get("lead")
    return councils.filter(slug=slug).first() if slug else None


def _start_bid(request: HttpRequest, *, round_: Round, lead: Organisation) -> HttpResponse:
    try:
        bid = services.bid_start(round_=round_, lead=lead, email=signed_in_email(request))
    except services.NotEligible as refused:
        return render(
            request,
            "fund/apply/cannot_bid.html",
            {
                "page_title": "You cannot start this bid",
                "problems": refused.problems,
                "round": round_,
            },
        )
    request.session.pop(START_KEY, None)
    return redirect("apply:bid", pk=bid.pk)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**QUESTION_LIMIT)
def eligibility(request: HttpRequest, slug: str) -> HttpResponse:
    """First question: which of the officer's signed councils leads the bid."""
    round_ = _round_or_404(slug)
    if not round_.is_open():
        return _round_not_open(request, round_)
    councils = lead_councils_of(signed_in_email(request))
    council_list = list(councils)
    if not council_list:
        return render(
            request,
            "fund/apply/cannot_lead.html",
            {
                "page_title": "You cannot lead a bid",
                "round": round_,
                "organisations": list(organisations_of(signed_in_email(request))),
                "back": reverse("fund:round", kwargs={"slug": round_.slug}),
            },
        )
    if request.method == "POST":
        form = forms.LeadCouncilForm(request.POST, councils=councils)
        if form.is_valid():
            lead = form.cleaned_data["lead"]
            request.session[START_KEY] = {"round": round_.pk, "lead": lead.slug}
            if round_.min_partners == 0:
                return _start_bid(request, round_=round_, lead=lead)
            return redirect("apply:eligibility-partners", slug=round_.slug)
    else:
        form = forms.LeadCouncilForm(
            initial={"lead": _start_answers(request, round_).get("lead")}, councils=councils
        )
    drafts = list(
        Bid.objects.drafts()
        .filter(round=round_, lead__in=council_list)
        .select_related("lead")
        .order_by("lead__name", "pk")
    )
    return render(
        request,
        "fund/apply/eligibility_lead.html",
        {
            "page_title": "Which council is leading the bid?",
            "form": form,
            "round": round_,
            "councils": council_list,
            "chosen": str(form.value("lead") or ""),
            "drafts": [_bid_row(bid) for bid in drafts],
            "back": reverse("fund:round", kwargs={"slug": round_.slug}),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**QUESTION_LIMIT)
def eligibility_partners(request: HttpRequest, slug: str) -> HttpResponse:
    """Second question: whether enough signed partner councils have agreed to take part."""
    round_ = _round_or_404(slug)
    if not round_.is_open():
        return _round_not_open(request, round_)
    lead = _chosen_lead(request, round_, lead_councils_of(signed_in_email(request)))
    if lead is None:
        return redirect("apply:eligibility", slug=round_.slug)
    minimum = round_.min_partners
    if request.method == "POST":
        form = forms.PartnersAgreedForm(request.POST, minimum=minimum)
        if form.is_valid():
            if form.cleaned_data["partners_agreed"] == "yes":
                return _start_bid(request, round_=round_, lead=lead)
            return render(
                request,
                "fund/apply/need_partners.html",
                {
                    "page_title": "You need partner councils before you start",
                    "round": round_,
                    "lead": lead,
                    "back": reverse("apply:eligibility-partners", kwargs={"slug": round_.slug}),
                },
            )
    else:
        form = forms.PartnersAgreedForm(minimum=minimum)
    councils = "partner council" if minimum == 1 else "partner councils"
    return render(
        request,
        "fund/apply/eligibility_partners.html",
        {
            "page_title": f"Do you have at least {minimum} signed {councils} "
            f"that have agreed to take part?",
            "form": form,
            "round": round_,
            "lead": lead,
            "chosen": form.value("partners_agreed") or "",
            "back": reverse("apply:eligibility", kwargs={"slug": round_.slug}),
        },
    )


# The task list -----------------------------------------------------------------

# A section's status as the task list component shows it, following the
# Design System: Completed and Cannot start yet as plain text, others as tags.
STATUS_DISPLAY = {
    sections.Status.COMPLETED: {"text": "Completed"},
    sections.Status.IN_PROGRESS: {
        "tag": {"text": "In progress", "classes": "govuk-tag--light-blue"}
    },
    sections.Status.NOT_STARTED: {"tag": {"text": "Not started", "classes": "govuk-tag--blue"}},
    sections.Status.CANNOT_START: {
        "text": "Cannot start yet",
        "classes": "govuk-task-list__status--cannot-start-yet",
    },
}


def _section_url(bid: Bid, section: str, *, back_to_check: bool = False) -> str:
    url = reverse("apply:section", kwargs={"pk": bid.pk, "section": section})
    return url + "?return=check" if back_to_check else url


def _task_list_items(bid: Bid, *, round_open: bool) -> tuple[list[dict], int]:
    """The task list's items, and how many sections are complete."""
    found = sections.statuses(bid)
    items = [
        {
            "title": {"text": Section(section).label},
            "href": _section_url(bid, section),
            "status": STATUS_DISPLAY[status],
        }
        for section, status in found.items()
    ]
    last = sections.check_and_submit_status(bid)
    ready = last != sections.Status.CANNOT_START
    final = {"title": {"text": "Check your answers and submit"}}
    if not round_open:
        final["status"] = {
            "text": "Round closed",
            "classes": "govuk-task-list__status--cannot-start-yet",
        }
    else:
        final["status"] = STATUS_DISPLAY[last]
        if ready:
            final["href"] = reverse("apply:check-answers", kwargs={"pk": bid.pk})
    items.append(final)
    completed = sum(status == sections.Status.COMPLETED for status in found.values())
    return items, completed


@never_cache
@require_safe
@officer_required
def task_list(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(request, pk)
    if bid.state != BidState.DRAFT:
        return _sent_bid(request, bid)
    round_open = bid.round.is_open()
    items, completed = _task_list_items(bid, round_open=round_open)
    return render(
        request,
        "fund/apply/task_list.html",
        {
            "page_title": bid.title or "Your bid",
            "bid": bid,
            "items": items,
            "completed": completed,
            "total": len(Section.values),
            "round_open": round_open,
            "round_not_yet_open": not round_open and not bid.round.has_closed(),
            "back": _your_bids_url(),
        },
    )


def _sent_bid(request: HttpRequest, bid: Bid) -> HttpResponse:
    """A bid that is no longer a draft: its state, and the copy frozen when it was sent."""
    submission = BidSubmission.objects.filter(bid=bid).first()
    return render(
        request,
        "fund/apply/sent_bid.html",
        {
            "page_title": bid.title or "Your bid",
            "bid": bid,
            "state_tag": _state_tag(bid),
            "submission": submission,
            "summary_sections": _answer_sections(
                read_answers(submission.answers), bid=bid, changes=False
            )
            if submission
            else [],
            "can_withdraw": bid.state in WITHDRAWABLE_STATES,
            "decided": bid.state in DECIDED_STATES,
            "back": _your_bids_url(),
        },
    )


# Check your answers and submit ----------------------------------------------


def _paragraphs(text: str):
    lines = [line for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return mark_safe('<span class="govuk-hint">Not answered</span>')
    return format_html_join("", '<p class="govuk-body">{}</p>', ((line,) for line in lines))


def _list(entries: list) -> str:
    if not entries:
        return mark_safe('<span class="govuk-hint">None</span>')
    return format_html(
        '<ul class="govuk-list">{}</ul>',
        format_html_join("", "<li>{}</li>", ((entry,) for entry in entries)),
    )


def _pounds(amount: int | None) -> str:
    return "Not answered" if amount is None else f"£{amount:,}"


def _row(key: str, value, *, html: bool = False, change: str | None = None, hidden: str = ""):
    row = {"key": {"text": key}, "value": {"html": value} if html else {"text": value}}
    if change:
        row["actions"] = {
            "items": [{"href": change, "text": "Change", "visuallyHiddenText": hidden}]
        }
    return row


def _answer_sections(answers: dict, *, bid: Bid, changes: bool) -> list[dict]:
    """A bid's answers (as funding.answers gives them), as summary lists by section.

    With `changes`, each answer links to its section's page, which brings the
    officer back to check your answers afterwards.
    """

    def change(section: str) -> str | None:
        return _section_url(bid, section, back_to_check=True) if changes else None

    costs = _list(
        [
            f"{line['category']}: {line['description']}, {_pounds(line['amount'])}"
            for line in answers["cost_lines"]
        ]
    )
    files = (
        format_html(
            '<ul class="govuk-list">{}</ul>',
            format_html_join(
                "",
                '<li><a class="govuk-link" href="{}">{}</a> ({}, {} KB)</li>',
                (
                    (
                        reverse("apply:attachment", kwargs={"pk": bid.pk, "token": item["token"]}),
                        item["name"],
                        item["kind"],
                        max(1, round(item["size"] / 1024)),
                    )
                    for item in answers["attachments"]
                ),
            ),
        )
        if answers["attachments"]
        else "None"
    )
    sponsor = answers["sponsor"]
    rows_by_section = {
        Section.PROJECT: [
            ("Title", answers["title"] or "Not answered", False, "the title"),
            ("Summary", _paragraphs(answers["summary"]), True, "the summary"),
            ("Service area", answers["service_area"] or "Not answered", False, "the service area"),
        ],
        Section.PROBLEM: [
            ("The problem", _paragraphs(answers["problem"]), True, "the problem"),
            ("Users and their needs", _paragraphs(answers["users"]), True, "the users"),
        ],
        Section.PARTNERS: [
            ("Lead council", answers["lead"]["name"], False, None),
            (
                "Partner councils",
                _list([partner["name"] for partner in answers["partners"]]),
                True,
                "the partner councils",
            ),
        ],
        Section.BUDGET: [
            ("Phase", answers["phase"] or "Not answered", False, "the phase"),
            ("Amount", _pounds(answers["amount"]), False, "the amount"),
            ("Costs", costs, True, "the costs"),
        ],
        Section.DELIVERY: [
            ("Delivery plan", _paragraphs(answers["delivery_plan"]), True, "the delivery plan"),
            ("Team", _paragraphs(answers["team"]), True, "the team"),
        ],
        Section.PRINCIPLES: [
            (
                "Principles",
                _list([f"{p['number']}. {p['title']}" for p in answers["principles"]]),
                True,
                "the principles",
            ),
            (
                "How it meets them",
                _paragraphs(answers["principles_how"]),
                True,
                "how it meets the principles",
            ),
        ],
        Section.ATTACHMENTS: [("Files", files, bool(answers["attachments"]), "the files")],
        Section.DECLARATIONS: [
            (
                "Outputs published under an open licence",
                "Yes" if answers["open_licence"] else "No",
                False,
                "whether outputs will be published under an open licence",
            ),
            ("Senior sponsor", sponsor["name"] or "Not answered", False, "the senior sponsor"),
            ("Their role", sponsor["role"] or "Not answered", False, "the sponsor’s role"),
            (
                "Their email address",
                sponsor["email"] or "Not answered",
                False,
                "the sponsor’s email address",
            ),
        ],
    }
    return [
        {
            "id": f"section-{section}",
            "heading": Section(section).label,
            "rows": [
                _row(
                    key,
                    value,
                    html=html,
                    change=change(section) if hidden else None,
                    hidden=hidden or "",
                )
                for key, value, html, hidden in rows
            ],
        }
        for section, rows in rows_by_section.items()
    ]


def _check_answers_page(
    request: HttpRequest, bid: Bid, *, errors: list | None = None, status: int = 200
) -> HttpResponse:
    ready = sections.ready_to_submit(bid)
    left = [
        {"text": Section(section).label, "href": _section_url(bid, section)}
        for section, found in sections.statuses(bid).items()
        if found != sections.Status.COMPLETED
    ]
    return render(
        request,
        "fund/apply/check_answers.html",
        {
            "page_title": "Check your answers before submitting your bid",
            "bid": bid,
            "errors": errors or [],
            "summary_sections": _answer_sections(bid_answers(bid), bid=bid, changes=True),
            "ready": ready,
            "left": left,
            "round_open": bid.round.is_open(),
            "can_submit": bid.state == BidState.DRAFT and ready and bid.round.is_open(),
            "back": reverse("apply:bid", kwargs={"pk": bid.pk}),
        },
        status=status,
    )


def _submit_errors(bid: Bid, problem: Exception) -> list[dict]:
    """What to tell the officer when the service refuses to submit their bid."""
    round_ = bid.round
    if isinstance(problem, services.RoundClosed):
        return [
            {
                "text": f"You cannot submit this bid: {round_.name} closed on "
                f"{govuk_date_time(round_.closes_at)} (UK time). Your draft has been kept.",
                "href": "#submit",
            }
        ]
    if isinstance(problem, services.BidIncomplete):
        by_label = {Section(section).label: section for section in Section.values}
        return [
            {
                "text": f"Complete the section “{label}”",
                "href": _section_url(bid, by_label[label]) if label in by_label else "#submit",
            }
            for label in problem.sections_left
        ]
    if isinstance(problem, services.NotEligible):
        return [{"text": text, "href": "#submit"} for text in problem.problems]
    if isinstance(problem, services.LeadLimitReached):
        limit = round_.max_bids_per_lead
        return [
            {
                "text": f"You cannot submit this bid: {bid.lead.name} has already submitted "
                f"{limit} bid{'s' if limit != 1 else ''} to {round_.name}, the most one council "
                f"may lead. Your draft has been kept.",
                "href": "#submit",
            }
        ]
    return [
        {
            "text": "This bid has already been submitted or withdrawn, perhaps by a colleague. "
            "See its page for where it is now.",
            "href": reverse("apply:bid", kwargs={"pk": bid.pk}),
        }
    ]


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**BID_EMAIL_LIMIT)
def check_answers(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(request, pk)
    if bid.state != BidState.DRAFT:
        return redirect("apply:bid", pk=bid.pk)
    if request.method != "POST":
        return _check_answers_page(request, bid)
    try:
        services.bid_submit(bid=bid, email=signed_in_email(request))
    except (
        services.RoundClosed,
        services.BidIncomplete,
        services.LeadLimitReached,
        services.BidNotEditable,
        services.NotEligible,
    ) as refused:
        return _check_answers_page(request, bid, errors=_submit_errors(bid, refused), status=409)
    return redirect("apply:submitted", pk=bid.pk)


@never_cache
@require_safe
@officer_required
def submitted(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(
        request,
        pk,
        queryset=Bid.objects.select_related("round", "lead").prefetch_related("partners"),
    )
    if bid.state not in COUNTED_STATES:
        return redirect("apply:bid", pk=bid.pk)
    return render(
        request,
        "fund/apply/submitted.html",
        {"page_title": "Bid submitted", "bid": bid, "partners": list(bid.partners.all())},
    )


# Withdrawing -----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**BID_EMAIL_LIMIT)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    bid = officer_bid(request, pk, queryset=Bid.objects.select_related("round", "lead"))
    is_draft = bid.state == BidState.DRAFT
    context = {
        "bid": bid,
        "is_draft": is_draft,
        "back": reverse("apply:bid", kwargs={"pk": bid.pk}),
    }
    if not is_draft and bid.state not in WITHDRAWABLE_STATES:
        return _cannot_withdraw(request, context)
    if request.method == "POST":
        form = forms.WithdrawForm(request.POST)
        if form.is_valid():
            try:
                services.bid_withdraw(
                    bid=bid, email=signed_in_email(request), reason=form.cleaned_data["reason"]
                )
            except IllegalMove:
                # Decided, or withdrawn by a colleague, since the page was opened.
                bid.refresh_from_db()
                return _cannot_withdraw(request, context)
            request.session[NOTICE_KEY] = (
                f"Your draft bid “{bid.title or 'Untitled bid'}” has been deleted."
                if is_draft
                else f"Bid {bid.reference} has been withdrawn. It will not be assessed."
            )
            return redirect("apply:your-bids")
    else:
        form = forms.WithdrawForm()
    title = (
        "Are you sure you want to delete this draft bid?"
        if is_draft
        else f"Are you sure you want to withdraw bid {bid.reference}?"
    )
    return render(
        request, "fund/apply/withdraw.html", {**context, "page_title": title, "form": form}
    )


def _cannot_withdraw(request: HttpRequest, context: dict) -> HttpResponse:
    bid = context["bid"]
    return render(
        request,
        "fund/apply/cannot_withdraw.html",
        {
            **context,
            "page_title": "This bid can no longer be withdrawn",
            "decided": bid.state in DECIDED_STATES,
        },
        status=409,
    )
