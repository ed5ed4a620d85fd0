"""Being written: the pages of a bid's sections."""

from django.http import Http404


def _not_built_yet(request, **kwargs):
    raise Http404


section = attachment_download = _not_built_yet
