from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, with JavaScript module imports rewritten.

    Our start-up module imports GOV.UK Frontend by a relative path; without the
    rewrite the browser would fetch the unhashed file, which cannot be cached
    for ever.
    """

    support_js_module_import_aggregation = True


class PrivateFileSystemStorage(FileSystemStorage):
    """Files kept on disk with no address of their own.

    They are read out only by views that first check who is asking (bid
    attachments: funding.apply.download.attachment_download), so asking the
    storage for a public URL is a mistake, and says so.
    """

    def url(self, name):
        raise ValueError(f"{name} is private: serve it through a view that checks who may see it.")
