from django.http import Http404


def confirm_email(request, token):
    raise Http404


def edit(request, token):
    raise Http404


def approver_sign(request, token):
    raise Http404
