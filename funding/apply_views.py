"""Being written: the journey around a bid (signing in, eligibility, task list, submission)."""

from django.http import Http404


def _not_built_yet(request, **kwargs):
    raise Http404


sign_in = check_email = sign_in_link = sign_out = your_bids = task_list = _not_built_yet
check_answers = submitted = withdraw = start = eligibility = _not_built_yet
