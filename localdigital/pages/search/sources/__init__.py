"""Every source site search looks in, in the order the page shows their groups.

A new kind of thing is one module here defining SOURCE (see ../source.py),
and one line below.
"""

from localdigital.pages.search.sources import (
    declaration,
    funded_projects,
    principles,
    signatories,
)

SOURCES = [
    declaration.SOURCE,
    principles.SOURCE,
    signatories.SOURCE,
    funded_projects.SOURCE,
]
