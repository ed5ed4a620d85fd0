"""The sign-up journey, under /sign/: the question pages (questions), check
your answers and sending (sending, with its summary in summary), the pages the
emailed single-use links open (links, link_problems), and the answers kept in
the session between pages (journey)."""
