from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, with JavaScript module imports rewritten.

    Our start-up module imports GOV.UK Frontend by a relative path; without the
    rewrite the browser would fetch the unhashed file, which cannot be cached
    for ever.
    """

    support_js_module_import_aggregation = True


class NoAddress:
    """Refuses to give a stored file an address of its own.

    Private files are read out only by views that first check who is asking
    (bid attachments: funding.apply.download.attachment_download), so asking
    the storage for a URL is a mistake, and says so.
    """

    def url(self, name, *args, **kwargs):
        raise ValueError(f"{name} is private: serve it through a view that checks who may see it.")


class PrivateFileSystemStorage(NoAddress, FileSystemStorage):
    """Private files on a disk (a network volume, with several web servers)."""


class PrivateS3Storage(NoAddress, S3Storage):
    """Private files in an S3 bucket, or any service that speaks S3.

    Objects are written readable by the bucket's owner alone, so even a bucket
    policy that went wrong would not publish them by their ACL, and a name
    already taken is never written over (attachment names are random, so a
    clash would be a bug, not a new version). Settings cannot turn these off:
    whoever needs public files needs another storage.
    """

    PRIVATE = {"default_acl": "private", "file_overwrite": False}

    def __init__(self, **options):
        for name, value in self.PRIVATE.items():
            if options.setdefault(name, value) != value:
                raise ImproperlyConfigured(f"{type(self).__name__} keeps {name}={value!r}.")
        super().__init__(**options)
