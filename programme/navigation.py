"""The programme pages' tree, built in memory from one light query of every
published page, so a page's breadcrumbs and neighbours cost the same however
deep it is."""

from django.urls import reverse


class PageTree:
    def __init__(self, rows):
        self.rows = {row["pk"]: {**row, "url": _url(row["slug"])} for row in rows}
        self._children: dict[int | None, list[dict]] = {}
        for row in self.rows.values():
            self._children.setdefault(row["parent_id"], []).append(row)

    def children(self, pk: int | None) -> list[dict]:
        """A page's published children (None: the top pages), in their order."""
        return self._children.get(pk, [])

    def ancestors(self, pk: int) -> list[dict]:
        """From the top page down to the page's parent. A page under a draft
        is shown as if at the top: its draft parent is not named."""
        found, seen = [], {pk}
        parent_id = self.rows[pk]["parent_id"] if pk in self.rows else None
        while parent_id in self.rows and parent_id not in seen:
            seen.add(parent_id)
            found.append(self.rows[parent_id])
            parent_id = self.rows[parent_id]["parent_id"]
        return list(reversed(found))

    def siblings(self, pk: int) -> list[dict]:
        """The pages beside it, itself among them."""
        parent_id = self.rows[pk]["parent_id"] if pk in self.rows else None
        return self.children(parent_id) if parent_id in self.rows else self.top()

    def top(self) -> list[dict]:
        """The top pages: those with no published parent, so none is lost under a draft."""
        return [row for row in self.rows.values() if row["parent_id"] not in self.rows]


def _url(slug: str) -> str:
    return reverse("programme:page", kwargs={"slug": "-"}).removesuffix("-/") + f"{slug}/"
