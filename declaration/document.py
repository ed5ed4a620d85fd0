"""The declaration as a PDF document, made from its current text.

Drawing it takes WeasyPrint most of a second, so each version is drawn once:
it is kept in the shared cache under a digest of everything it shows, and a
change to the text (in admin) gives a new digest and so a new document on the
next request. While one server draws a version, others asking for the same one
wait for it rather than draw it too.
"""

import hashlib
import time

from django.core.cache import cache
from django.template.loader import render_to_string

from declaration.models import Declaration, Principle
from localdigital.core.site_address import absolute_url

# Bump when the document's template or styles change, so the old copies are not served.
DOCUMENT_EDITION = 1
KEPT_SECONDS = 60 * 60 * 24 * 30
# How long one server may take to draw it before another draws it too.
DRAWING_SECONDS = 30
WAIT_STEP_SECONDS = 0.1


class Document:
    """One version of the declaration as a PDF, with the digest that names it."""

    def __init__(self, declaration: Declaration, principles: list[Principle]):
        self.declaration = declaration
        self.principles = principles
        parts = [str(DOCUMENT_EDITION), declaration.title, declaration.introduction_html]
        parts += [declaration.aims_html, declaration.closing_html]
        for principle in principles:
            parts += [principle.title, principle.summary_html, principle.commitments_html]
        self.digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]

    @property
    def cache_key(self) -> str:
        return f"declaration-pdf:{self.digest}"

    def html(self) -> str:
        return render_to_string(
            "declaration/document.html",
            {
                "declaration": self.declaration,
                "principles": self.principles,
                "address": absolute_url("/declaration/"),
            },
        )

    def draw(self) -> bytes:
        # Imported here: WeasyPrint takes a second or two to import, which
        # every process that never draws a PDF should not pay.
        from weasyprint import HTML

        # Tagged (pdf_tags), so screen readers read it in order with its
        # headings and lists; its title and language come from the HTML.
        return HTML(string=self.html()).write_pdf(pdf_tags=True)

    def pdf(self) -> bytes:
        """The PDF of this version: kept, drawn by another server meanwhile, or drawn now."""
        lock = f"{self.cache_key}:drawing"
        deadline = time.monotonic() + DRAWING_SECONDS
        while (kept := cache.get(self.cache_key)) is None:
            if cache.add(lock, True, timeout=DRAWING_SECONDS) or time.monotonic() > deadline:
                kept = self.draw()
                cache.set(self.cache_key, kept, timeout=KEPT_SECONDS)
                cache.delete(lock)
                break
            time.sleep(WAIT_STEP_SECONDS)
        return kept


def current_document() -> Document | None:
    declaration = Declaration.objects.first()
    if declaration is None:
        return None
    return Document(declaration, list(Principle.objects.in_order()))
