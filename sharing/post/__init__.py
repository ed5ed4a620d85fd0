"""The officers' pages: their projects, posting an update and editing their own.

Officers sign in as they do to bid (funding.officer_session): the address in
their session is who they are, and sharing.officers says which projects it
may post to."""
