"""Posting and editing updates, for officers of a funded project's councils."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from funding.officer_session import officer_required, signed_in_email
from funding.uploads import describe_size
from localdigital.core.ratelimit import rate_limit
from localdigital.core.titles import fitting_title
from sharing import services
from sharing.forms import UpdateForm
from sharing.models import ProjectUpdate, UpdateKind
from sharing.officers import projects_of

# Each post emails the project's followers.
POST_LIMIT = {"scope": "update-post", "limit": 30, "per_seconds": 60 * 60}
NOTICE_KEY = "sharing_notice"


@never_cache
@require_safe
@officer_required
def your_projects(request: HttpRequest) -> HttpResponse:
    email = signed_in_email(request)
    projects = list(projects_of(email).order_by("-round_opens_at", "number"))
    updates = list(
        ProjectUpdate.objects.written_by(email).select_related("bid").newest_first()[:50]
    )
    return render(
        request,
        "sharing/post/your_projects.html",
        {
            "page_title": "Your projects’ updates",
            "projects": projects,
            "updates": updates,
            "notice": request.session.pop(NOTICE_KEY, ""),
        },
    )


def _form_page(request, *, form, bid, update=None) -> HttpResponse:
    heading = "Edit your update" if update else "Post an update"
    return render(
        request,
        "sharing/post/update_form.html",
        {
            "page_title": fitting_title(f"{heading}: {bid.title}"),
            "heading": heading,
            "form": form,
            "bid": bid,
            "update": update,
            "kinds": UpdateKind.choices,
            "back": reverse("sharing:your-projects"),
            "max_size": describe_size(settings.ATTACHMENT_MAX_BYTES),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**POST_LIMIT)
def new_update(request: HttpRequest, reference: str) -> HttpResponse:
    email = signed_in_email(request)
    bid = projects_of(email).filter(reference=reference).first()
    if bid is None:
        raise Http404("You cannot post updates to this project.")
    form = UpdateForm(request.POST, request.FILES) if request.method == "POST" else UpdateForm()
    if request.method == "POST" and form.is_valid():
        update = services.update_post(bid=bid, email=email, fields=form.fields_for_service())
        request.session[NOTICE_KEY] = f"Your update “{update.title}” has been published."
        return redirect("sharing:your-projects")
    return _form_page(request, form=form, bid=bid)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@rate_limit(**POST_LIMIT)
def edit_update(request: HttpRequest, pk: int) -> HttpResponse:
    email = signed_in_email(request)
    # Their own, to a project they may still post to: an officer who has
    # left the council no longer edits its updates.
    update = (
        ProjectUpdate.objects.written_by(email)
        .filter(pk=pk, bid__in=projects_of(email))
        .select_related("bid")
        .first()
    )
    if update is None:
        raise Http404("You cannot edit this update.")
    if request.method == "POST":
        form = UpdateForm(request.POST, request.FILES)
        if form.is_valid():
            services.update_edit(update=update, fields=form.fields_for_service())
            request.session[NOTICE_KEY] = f"Your update “{update.title}” has been changed."
            return redirect("sharing:your-projects")
    else:
        form = UpdateForm(
            initial={
                "kind": update.kind,
                "title": update.title,
                "body": update.body,
                "links": update.links,
            }
        )
    return _form_page(request, form=form, bid=update.bid, update=update)
