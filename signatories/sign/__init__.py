"""The sign-up journey, under /sign/ (urls): the question pages (questions,
asking forms), check your answers and sending (sending, its summary built in
summary), the pages the emailed single-use links open (links, link_problems),
the answers kept in the session between pages (journey), the words for what
the services refuse (messages) and how often forms may be posted (limits)."""
