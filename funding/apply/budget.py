"""The phase and budget section: the phase, the amount asked for, and the
costs that make it up, added and removed on the same page."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from funding import section_forms, services
from funding.apply.section_page import (
    chosen_id,
    completed_initial,
    done_url,
    page_url,
    render_section,
    save_section,
)
from funding.models import Bid, CostCategory, Section
from funding.officer_session import officer_bid
from localdigital.core.forms import honeypot_filled

# The id on the page that the add and remove buttons return to.
ANCHOR = "cost-breakdown"


def _change_costs(request: HttpRequest, bid: Bid) -> tuple[section_forms.CostLineForm, bool]:
    """Remove the cost asked for and add the one typed in; the new-cost form to show
    (with its errors, if it was refused), and whether a cost was removed."""
    removed_id = chosen_id(request.POST.get("remove", ""))
    if removed_id is not None:
        services.bid_remove_cost_line(bid=bid, line_id=removed_id)
        messages.success(request, "Cost removed")
    cost = section_forms.CostLineForm()
    if request.POST.get("action") == "add" or section_forms.CostLineForm.was_filled_in(
        request.POST
    ):
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
    return cost, removed_id is not None


def _errors_in_page_order(
    form: section_forms.BudgetForm, cost: section_forms.CostLineForm
) -> list[dict]:
    """Phase and amount, the costs, the new cost, then the question."""
    entries = form.error_list()
    question = [entry for entry in entries if entry["href"] == "#completed"]
    return [entry for entry in entries if entry not in question] + cost.error_list() + question


def budget(request: HttpRequest, bid: Bid) -> HttpResponse:
    cost = section_forms.CostLineForm()
    if request.method == "POST":
        if honeypot_filled(request):
            return redirect(done_url(request, bid))
        # One form, several buttons. Enter in a box presses the first button
        # in the form, a hidden "update" that saves and stays on the page.
        saving = request.POST.get("action", "update") == "save"
        form = section_forms.BudgetForm(request.POST, round_=bid.round, asks_completed=saving)
        form.is_valid()
        cost, removed = _change_costs(request, bid)
        # After the costs change, so that "complete?" is asked of the new lines.
        if save_section(bid=bid, section=Section.BUDGET, form=form) and not cost.errors:
            if saving and not removed:
                return redirect(done_url(request, bid))
            return redirect(page_url(request, bid, Section.BUDGET, anchor=ANCHOR))
        bid = officer_bid(request, bid.pk)
    else:
        saved = {"phase": bid.phase, "amount": "" if bid.amount is None else str(bid.amount)}
        form = section_forms.BudgetForm(
            initial=saved | {"completed": completed_initial(bid, "budget")}, round_=bid.round
        )
    lines = list(bid.cost_lines.all())
    return render_section(
        request,
        bid,
        Section.BUDGET,
        {
            "form": form,
            "cost": cost,
            "phases": list(bid.round.phases.all()),
            "categories": CostCategory.choices,
            "lines": lines,
            "total": sum(line.amount for line in lines),
            "amount": bid.amount,
        },
        errors=_errors_in_page_order(form, cost),
    )
