"""Reading the sitemap as a search engine does: the index, then every page it lists."""

import re
from urllib.parse import urlsplit


def section_addresses(client, path: str = "/sitemap.xml") -> list[str]:
    """The addresses of the section pages the sitemap index at `path` lists."""
    response = client.get(path)
    assert response.status_code == 200
    assert "<sitemapindex" in response.content.decode()
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def whole_sitemap(client) -> str:
    """Every page of every section, one after the other."""
    bodies = []
    for address in section_addresses(client):
        parts = urlsplit(address)
        response = client.get(
            parts.path, {"p": parts.query.removeprefix("p=")} if parts.query else {}
        )
        assert response.status_code == 200, address
        bodies.append(response.content.decode())
    return "".join(bodies)
