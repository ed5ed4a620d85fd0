"""Public lists: search, filters, sort and pages, all from the query string.

So the lists work as plain GET forms without JavaScript and every state has
an address. A value the page does not know (a filter nobody has, a page past
the end, a made-up sort) is ignored or brought into range: never an error.
Used by the signatories' lists and the fund's.
"""

from dataclasses import dataclass, field
from math import ceil
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import cached_property

PAGE_SIZE = 20
# Longer searches are cut: no organisation's name is this long.
MAX_SEARCH_LENGTH = 200
# A list whose length is not kept in a summary row (a search, a mix of
# filters the rows do not cover) is counted this far and no further: past it
# the page says "more than". And however long a list is, its pages go this
# far: a search or a filter finds the rest. So no request counts, or skips
# over, tens of thousands of rows. (The real programme's lists are well
# within it: some 300 signatories, 400 bids.)
MAX_COUNTED = 1000
# Page links either side of the current page, as GOV.UK's pagination pattern shows them.
PAGES_AROUND_CURRENT = 1


def search_text(value: str) -> str:
    """What a search box sent, fit to look for: no NUL bytes, trimmed, not too long.

    PostgreSQL refuses a NUL byte anywhere in a query's text (SQLite does not),
    and no name has one, so it is dropped rather than searched for.
    """
    return value.replace("\x00", "").strip()[:MAX_SEARCH_LENGTH]


@dataclass
class ListQuery:
    """What a visitor asked a list for, with anything unknown dropped."""

    q: str = ""
    sort: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_request(
        cls, request: HttpRequest, *, sorts: dict[str, str], allowed: dict[str, set[str]]
    ) -> "ListQuery":
        sort = request.GET.get("sort", "")
        return cls(
            q=search_text(request.GET.get("q", "")),
            sort=sort if sort in sorts else next(iter(sorts)),
            filters={
                name: [value for value in dict.fromkeys(request.GET.getlist(name)) if value in ok]
                for name, ok in allowed.items()
            },
        )

    @property
    def is_narrowed(self) -> bool:
        return bool(self.q or any(self.filters.values()))

    def query_string(self, *, page: int = 1) -> str:
        """The address of this list at a page, with only the values that were kept."""
        pairs = [("q", self.q)] if self.q else []
        pairs += [(name, value) for name, values in self.filters.items() for value in values]
        pairs.append(("sort", self.sort))
        if page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs)


class ListedPage(Page):
    def end_index(self) -> int:
        # Django's last page ends at the count; a bounded list's ends sooner.
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


class CountedPaginator(Paginator):
    """A paginator given its count (read from summary rows), or that counts up
    to MAX_COUNTED and says, with `is_capped`, when there are more; its pages
    list the first MAX_COUNTED at most (`is_bounded` when some are left out)."""

    def __init__(self, object_list, per_page, *, count: int | None = None):
        super().__init__(object_list, per_page)
        self.known_count = count
        self.is_capped = False

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        counted = self.object_list.order_by()[: MAX_COUNTED + 1].count()
        self.is_capped = counted > MAX_COUNTED
        return min(counted, MAX_COUNTED)

    @cached_property
    def num_pages(self) -> int:
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        every = ceil(max(1, self.count - self.orphans) / self.per_page)
        return min(every, max(MAX_COUNTED // self.per_page, 1))

    def _get_page(self, *args, **kwargs) -> ListedPage:
        return ListedPage(*args, **kwargs)

    @property
    def is_bounded(self) -> bool:
        return self.is_capped or self.count > MAX_COUNTED

    @property
    def listed(self) -> int:
        return min(self.count, MAX_COUNTED)


def paginate(
    request: HttpRequest, queryset, query: ListQuery, *, count: int | None = None
) -> tuple[Page, dict | None]:
    """The page asked for. `count` is the list's length where a summary row
    knows it; otherwise it is counted, as far as MAX_COUNTED."""
    paginator = CountedPaginator(queryset, PAGE_SIZE, count=count)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    page = paginator.get_page(max(number, 1))
    return page, pagination(page, query)


def pagination(page: Page, query: ListQuery) -> dict | None:
    """The parameters of GOV.UK's pagination component, or None for a single page."""
    last = page.paginator.num_pages
    if last <= 1:
        return None
    current = page.number
    shown = {1, last, *range(current - PAGES_AROUND_CURRENT, current + PAGES_AROUND_CURRENT + 1)}
    items, previous_number = [], 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number > previous_number + 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": query.query_string(page=number),
                "current": number == current,
            }
        )
        previous_number = number
    params = {"items": items, "landmarkLabel": "Results pages"}
    if page.has_previous():
        params["previous"] = {"href": query.query_string(page=current - 1)}
    if page.has_next():
        params["next"] = {"href": query.query_string(page=current + 1)}
    return params


def checkbox_items(choices: list[tuple[str, str]], chosen: list[str]) -> list[dict]:
    return [{"value": value, "text": label, "checked": value in chosen} for value, label in choices]


def select_items(sorts: dict[str, str], chosen: str) -> list[dict]:
    return [
        {"value": value, "text": label, "selected": value == chosen}
        for value, label in sorts.items()
    ]


def page_title(title: str, page: Page) -> str:
    if page.paginator.num_pages > 1:
        return f"{title} (page {page.number} of {page.paginator.num_pages})"
    return title
