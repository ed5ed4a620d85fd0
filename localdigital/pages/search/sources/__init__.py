"""Every source site search looks in, in the order the page shows their groups.

A new kind of thing is one module here defining SOURCE (see ../source.py),
and one line below.
"""

from localdigital.pages.search.sources import (
    case_studies,
    declaration,
    funded_projects,
    principles,
    project_updates,
    signatories,
)

SOURCES = [
    declaration.SOURCE,
    principles.SOURCE,
    signatories.SOURCE,
    funded_projects.SOURCE,
    case_studies.SOURCE,
    project_updates.SOURCE,
]
