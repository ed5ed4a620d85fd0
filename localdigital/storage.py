from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, with JavaScript module imports rewritten.

    Our start-up module imports GOV.UK Frontend by a relative path; without the
    rewrite the browser would fetch the unhashed file, which cannot be cached
    for ever.
    """

    support_js_module_import_aggregation = True
