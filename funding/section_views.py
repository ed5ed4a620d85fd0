"""The pages of a bid's sections, and the download of its attachments.

Every section page is one address, /fund/apply/bids/<pk>/<section>/, whose
forms all post back to it: the fields and "Have you completed this
section?", and on some pages the buttons that add or remove a partner, a
cost or a file. Whatever passes its format checks is saved at once, complete
or not, so that nothing typed is lost; only "Yes, I've completed this
section" asks whether anything is missing (funding.sections).

Each view reads like a list of guards: the section exists, the officer's
council leads the bid, the bid is still a draft, the honeypot is empty; then
the form, then the service.
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from declaration.models import Principle, ServiceArea
from funding import section_forms, sections, services
from funding.models import Attachment, Bid, BidState, CostCategory, Section
from funding.officer_session import (
    may_see_bid,
    officer_bid,
    officer_required,
    redirect_to_sign_in,
    signed_in_email,
)
from funding.uploads import ALLOWED_FORMATS, CONTENT_TYPES
from localdigital.core.forms import honeypot_filled
from localdigital.core.ratelimit import rate_limit
from signatories.models import Organisation

# Saving sections is what an officer does all afternoon: enough for a long
# session of small saves, far too few to flood the database.
SECTION_LIMIT = {"scope": "bid-sections", "limit": 300, "per_seconds": 10 * 60}
# Each upload writes up to ATTACHMENT_MAX_BYTES to disk, so fewer of them.
UPLOAD_LIMIT = {"scope": "bid-uploads", "limit": 30, "per_seconds": 60 * 60}

# Ids on the page the add and remove buttons return to.
ANCHORS = {
    Section.PARTNERS: "partners-added",
    Section.BUDGET: "cost-breakdown",
    Section.ATTACHMENTS: "attachments-added",
}
# File name endings and content types the file picker offers; the content is
# what is judged when a file arrives (funding.uploads).
ACCEPT = ",".join([".pdf", ".odt", ".docx", ".ods", ".xlsx", *CONTENT_TYPES.values()])


# Helpers ---------------------------------------------------------------------


def describe_size(size: int) -> str:
    """A file size as people read it: 640 bytes, 12 KB, 1.5 MB (in units of 1,024)."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} byte{'s' if size != 1 else ''}"


def upload_error_message(error: ValidationError) -> str:
    """The words for a refused upload (by its code), with the limit as it is set now."""
    match error.code:
        case "too_large":
            return (
                "The selected file must be smaller than "
                f"{describe_size(settings.ATTACHMENT_MAX_BYTES)}"
            )
        case "wrong_type":
            return f"The selected file must be a {ALLOWED_FORMATS}"
        case "empty":
            return "The selected file is empty"
    return error.messages[0]


class AttachmentSizeLimit(FileUploadHandler):
    """Stops reading an uploaded file as soon as it passes the size limit.

    Without it Django would write the whole file to a temporary file before
    the view could refuse it, however big it was. The file is skipped (left
    out of request.FILES) and the request remembers why.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > settings.ATTACHMENT_MAX_BYTES:
            self.request.attachment_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int):
        # The next handler keeps the file; this one only counts.
        return None


def _returning_to_check(request: HttpRequest) -> bool:
    return request.GET.get("return") == "check"


def _section_url(request: HttpRequest, bid: Bid, section: str, *, anchor: str = "") -> str:
    """This section's address, still returning to check your answers if it was."""
    address = reverse("apply:section", kwargs={"pk": bid.pk, "section": section})
    if _returning_to_check(request):
        address += "?" + urlencode({"return": "check"})
    return address + (f"#{anchor}" if anchor else "")


def _done_url(request: HttpRequest, bid: Bid) -> str:
    """Where "Save and continue" leads: the task list, or back to check your answers."""
    name = "apply:check-answers" if _returning_to_check(request) else "apply:bid"
    return reverse(name, kwargs={"pk": bid.pk})


def _completed_initial(bid: Bid, section: str) -> str:
    """The answer to "Have you completed this section?" to show when the page opens."""
    found = sections.status(bid, section)
    if found == sections.Status.COMPLETED:
        return "yes"
    if found == sections.Status.IN_PROGRESS:
        return "no"
    return ""


def _caption(bid: Bid) -> str:
    return f"{bid.title or 'Untitled bid'}, led by {bid.lead.name}"


def _render(
    request: HttpRequest,
    bid: Bid,
    section: Section,
    context: dict,
    *,
    errors: list[dict],
    status: int = 200,
) -> HttpResponse:
    """A section page, with what every one of them shows around its forms."""
    returning = _returning_to_check(request)
    return render(
        request,
        f"fund/apply/sections/{section.value}.html",
        {
            "page_title": section.label,
            "nav_section": "fund",
            "error_title": bool(errors),
            "errors": errors,
            "notices": [str(message) for message in messages.get_messages(request)],
            "bid": bid,
            "section": section,
            "caption": _caption(bid),
            "form_action": _section_url(request, bid, section),
            "back_url": reverse(
                "apply:check-answers" if returning else "apply:bid", kwargs={"pk": bid.pk}
            ),
            **context,
        },
        status=status,
    )


def _not_editable(request: HttpRequest, bid: Bid) -> HttpResponse:
    """What an officer sees instead of a form once the bid has left the draft state."""
    withdrawn = bid.state == BidState.WITHDRAWN
    return render(
        request,
        "fund/apply/sections/not_editable.html",
        {
            "page_title": (
                "This bid has been withdrawn and can no longer be changed"
                if withdrawn
                else "This bid has been submitted and can no longer be changed"
            ),
            "nav_section": "fund",
            "bid": bid,
        },
        # A change that came too late is refused; reading the page is fine.
        status=409 if request.method == "POST" else 200,
    )


def _save_section(*, bid: Bid, section: str, form: section_forms.SectionForm) -> bool:
    """Save what passed its checks, and the answer to the question when it can count;
    return whether everything was taken (nothing refused, nothing missing).

    A "Yes" is not recorded while some field was refused: that field still
    holds its old value, so "complete" would be about answers the officer
    has just replaced.
    """
    form.is_valid()
    said = form.said_completed()
    completed = None if said and form.has_format_errors() else said
    problems = services.bid_save_section(
        bid=bid, section=section, values=form.section_values(), completed=completed
    )
    form.add_problems(problems)
    return not form.has_errors


# The sections whose page is one form ----------------------------------------

# Each section whose page is a single form, with that form.
SIMPLE_SECTIONS: dict[Section, type[section_forms.SectionForm]] = {
    Section.PROJECT: section_forms.ProjectForm,
    Section.PROBLEM: section_forms.ProblemForm,
    Section.DELIVERY: section_forms.DeliveryForm,
    Section.PRINCIPLES: section_forms.PrinciplesForm,
    Section.DECLARATIONS: section_forms.DeclarationsForm,
}


def _saved_answers(bid: Bid, section: Section) -> dict:
    """The section's saved answers, as its form shows them."""
    match section:
        case Section.PROJECT:
            return {
                "title": bid.title,
                "summary": bid.summary,
                "service_area": bid.service_area.slug if bid.service_area else "",
            }
        case Section.PRINCIPLES:
            return {
                "principles": [principle.number for principle in bid.principles.all()],
                "principles_how": bid.principles_how,
            }
        case Section.BUDGET:
            return {
                "phase": bid.phase,
                "amount": "" if bid.amount is None else str(bid.amount),
            }
    return {name: getattr(bid, name) for name in sections.SECTION_FIELDS[section]}


def _simple_section(request: HttpRequest, bid: Bid, section: Section) -> HttpResponse:
    form_class = SIMPLE_SECTIONS[section]
    extra: dict = {}
    context: dict = {}
    if section == Section.PROJECT:
        service_areas = list(ServiceArea.objects.all())
        extra["service_areas"] = service_areas
        context = {
            "service_areas": service_areas,
            "summary_max": sections.SUMMARY_MAX_CHARACTERS,
        }
    elif section == Section.PRINCIPLES:
        context["principles"] = list(Principle.objects.in_order())
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(_done_url(request, bid))
        form = form_class(request.POST, **extra)
        if _save_section(bid=bid, section=section, form=form):
            return redirect(_done_url(request, bid))
        # Show the answers as saved, and the caption with any new title.
        bid = officer_bid(request, bid.pk)
    else:
        initial = _saved_answers(bid, section) | {"completed": _completed_initial(bid, section)}
        form = form_class(initial=initial, **extra)
    return _render(
        request,
        bid,
        section,
        {
            "form": form,
            "long_text_max": section_forms.LONG_TEXT_MAX_CHARACTERS,
            **context,
        },
        errors=form.error_list(),
    )


# Partners -------------------------------------------------------------------


def _partner_choices(bid: Bid):
    """Signed councils that may still be added: not the lead, not a partner already."""
    return (
        Organisation.objects.signed_current_councils()
        .exclude(pk=bid.lead_id)
        .exclude(pk__in=[partner.pk for partner in bid.partners.all()])
        .order_by("name")
        .only("pk", "name")
    )


def _chosen_id(value: str) -> int | None:
    """A posted row id, if it looks like one (a made-up huge number is not looked up)."""
    return int(value) if re.fullmatch(r"[0-9]{1,12}", value or "") else None


def _partners(request: HttpRequest, bid: Bid) -> HttpResponse:
    choose = section_forms.PartnerChoiceForm(organisations=Organisation.objects.none())
    form = section_forms.PartnersForm(initial={"completed": _completed_initial(bid, "partners")})
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(_done_url(request, bid))
        action = request.POST.get("action")
        back_here = _section_url(request, bid, Section.PARTNERS, anchor=ANCHORS[Section.PARTNERS])
        if action == "remove":
            partner_id = _chosen_id(request.POST.get("partner", ""))
            partner = next((p for p in bid.partners.all() if p.pk == partner_id), None)
            if partner is not None:
                services.bid_remove_partner(bid=bid, partner=partner)
                messages.success(request, f"{partner.name} is no longer a partner of this bid")
            return redirect(back_here)
        if action == "add":
            # Any organisation may be named here; the service says which may join.
            choose = section_forms.PartnerChoiceForm(
                request.POST, organisations=Organisation.objects.all()
            )
            if choose.is_valid():
                partner = choose.cleaned_data["partner"]
                try:
                    services.bid_add_partner(bid=bid, partner=partner)
                except ValidationError as refused:
                    choose.add_error("partner", refused)
                else:
                    messages.success(request, f"{partner.name} added as a partner council")
                    return redirect(back_here)
        else:
            form = section_forms.PartnersForm(request.POST)
            if _save_section(bid=bid, section=Section.PARTNERS, form=form):
                return redirect(_done_url(request, bid))
            bid = officer_bid(request, bid.pk)
    return _render(
        request,
        bid,
        Section.PARTNERS,
        {
            "form": form,
            "choose": choose,
            "partners": _partner_rows(bid),
            "choices": _partner_choices(bid),
            "chosen": str(choose.value("partner") or "") if choose.is_bound else "",
            "minimum": bid.round.min_partners,
        },
        errors=choose.error_list() + form.error_list(),
    )


def _partner_rows(bid: Bid) -> list[dict]:
    return [
        {
            "organisation": partner,
            "signed_council": partner.is_signed_current_council,
        }
        for partner in bid.partners.all()
    ]


# Phase and budget -----------------------------------------------------------


def _budget(request: HttpRequest, bid: Bid) -> HttpResponse:
    cost = section_forms.CostLineForm()
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(_done_url(request, bid))
        # One form, several buttons. Enter in a box presses the first button
        # in the form, a hidden "update" that saves and stays on the page.
        action = request.POST.get("action", "update")
        saving = action == "save"
        form = section_forms.BudgetForm(request.POST, round_=bid.round, asks_completed=saving)
        form.is_valid()
        removed_id = _chosen_id(request.POST.get("remove", ""))
        if removed_id is not None:
            services.bid_remove_cost_line(bid=bid, line_id=removed_id)
            messages.success(request, "Cost removed")
        if action == "add" or section_forms.CostLineForm.was_filled_in(request.POST):
            # A cost typed in and then another button pressed is added too, not lost.
            cost = section_forms.CostLineForm(request.POST)
            if cost.is_valid():
                services.bid_add_cost_line(
                    bid=bid,
                    category=cost.cleaned_data["cost_category"],
                    description=cost.cleaned_data["cost_description"],
                    amount=cost.cleaned_data["cost_amount"],
                )
                messages.success(request, "Cost added")
                cost = section_forms.CostLineForm()
        # After the costs change, so that "complete?" is asked of the new lines.
        if _save_section(bid=bid, section=Section.BUDGET, form=form) and not cost.errors:
            if saving and removed_id is None:
                return redirect(_done_url(request, bid))
            return redirect(
                _section_url(request, bid, Section.BUDGET, anchor=ANCHORS[Section.BUDGET])
            )
        bid = officer_bid(request, bid.pk)
    else:
        form = section_forms.BudgetForm(
            initial=_saved_answers(bid, Section.BUDGET)
            | {"completed": _completed_initial(bid, "budget")},
            round_=bid.round,
        )
    # Errors in page order: phase and amount, the costs, the new cost, the question.
    entries = form.error_list()
    question = [entry for entry in entries if entry["href"] == "#completed"]
    errors = [entry for entry in entries if entry not in question] + cost.error_list() + question
    lines = list(bid.cost_lines.all())
    total = sum(line.amount for line in lines)
    return _render(
        request,
        bid,
        Section.BUDGET,
        {
            "form": form,
            "cost": cost,
            "phases": list(bid.round.phases.all()),
            "categories": CostCategory.choices,
            "lines": lines,
            "total": total,
            "amount": bid.amount,
        },
        errors=errors,
    )


# Attachments ----------------------------------------------------------------


def _attachments(request: HttpRequest, bid: Bid) -> HttpResponse:
    upload = section_forms.AttachmentUploadForm()
    form = section_forms.AttachmentsForm(
        initial={"completed": _completed_initial(bid, "attachments")}
    )
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(_done_url(request, bid))
        action = request.POST.get("action")
        back_here = _section_url(
            request, bid, Section.ATTACHMENTS, anchor=ANCHORS[Section.ATTACHMENTS]
        )
        if action == "remove":
            attachment_id = _chosen_id(request.POST.get("attachment", ""))
            attachment = next((a for a in bid.attachments.all() if a.pk == attachment_id), None)
            if attachment is not None:
                services.bid_remove_attachment(bid=bid, attachment_id=attachment.pk)
                messages.success(request, f"{attachment.original_name} removed")
            return redirect(back_here)
        if action == "upload":
            response = rate_limit(**UPLOAD_LIMIT)(_upload)(request, bid=bid, back_here=back_here)
            if not isinstance(response, section_forms.AttachmentUploadForm):
                return response
            upload = response
        else:
            form = section_forms.AttachmentsForm(request.POST)
            if _save_section(bid=bid, section=Section.ATTACHMENTS, form=form):
                return redirect(_done_url(request, bid))
        bid = officer_bid(request, bid.pk)
    return _render(
        request,
        bid,
        Section.ATTACHMENTS,
        {
            "form": form,
            "upload": upload,
            "attachments": [
                {"attachment": attachment, "size": describe_size(attachment.size)}
                for attachment in bid.attachments.all()
            ],
            "accept": ACCEPT,
            "max_size": describe_size(settings.ATTACHMENT_MAX_BYTES),
            "formats": ALLOWED_FORMATS,
        },
        errors=upload.error_list() + form.error_list(),
    )


def _upload(
    request: HttpRequest, *, bid: Bid, back_here: str
) -> HttpResponse | section_forms.AttachmentUploadForm:
    """Keep the uploaded file: a redirect back when it was taken, else the form with its error."""
    upload = section_forms.AttachmentUploadForm(request.POST, request.FILES)
    if getattr(request, "attachment_too_large", False):
        # AttachmentSizeLimit left the file out: say why, not "Select a file".
        too_large = ValidationError("", code="too_large")
        upload.full_clean()
        upload.errors.clear()
        upload.add_error("attachment", ValidationError(upload_error_message(too_large)))
        return upload
    if not upload.is_valid():
        return upload
    file = upload.cleaned_data["attachment"]
    try:
        services.bid_add_attachment(bid=bid, upload=file, email=signed_in_email(request))
    except ValidationError as refused:
        upload.add_error("attachment", ValidationError(upload_error_message(refused)))
        return upload
    messages.success(request, f"{file.name} uploaded")
    return redirect(back_here)


# The views ------------------------------------------------------------------

SECTION_PAGES: dict[Section, Callable[[HttpRequest, Bid], HttpResponse]] = {
    Section.PARTNERS: _partners,
    Section.BUDGET: _budget,
    Section.ATTACHMENTS: _attachments,
}


# CSRF is checked in _section_page, after AttachmentSizeLimit is in place:
# checking it reads the post, and the upload handlers must be set before that.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**SECTION_LIMIT)
def section(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    if section not in Section.values:
        raise Http404("No such section.")
    if request.method == "POST":
        request.upload_handlers.insert(0, AttachmentSizeLimit(request))
    return _section_page(request, pk=pk, section=Section(section))


@csrf_protect
def _section_page(request: HttpRequest, *, pk: int, section: Section) -> HttpResponse:
    bid = officer_bid(request, pk)
    if not bid.is_editable:
        return _not_editable(request, bid)
    page = SECTION_PAGES.get(section)
    try:
        if page is not None:
            return page(request, bid)
        return _simple_section(request, bid, section)
    except services.BidNotEditable:
        # Submitted by a colleague while this officer was typing.
        bid.refresh_from_db()
        return _not_editable(request, bid)


@require_safe
def attachment_download(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """One attachment, to the lead council's officers and to staff who may view bids.

    Everyone else gets 404, whether or not the file exists. Someone signed in
    neither as an officer nor as staff is asked to sign in first.
    """
    user = request.user
    if not signed_in_email(request) and not (user.is_authenticated and user.is_staff):
        return redirect_to_sign_in(request)
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token):
        raise Http404("No such attachment.")
    attachment = Attachment.objects.select_related("bid").filter(bid__pk=pk, token=token).first()
    if attachment is None or not may_see_bid(request, attachment.bid):
        raise Http404("No such attachment.")
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file has gone.") from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=CONTENT_TYPES[attachment.kind],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
