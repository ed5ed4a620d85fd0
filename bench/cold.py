"""Cold render time of every public page, in-process, with no page cache.

Renders each page with Django's test client against the benchmark's database
(seed it first with bench/run.py, or with --seed here) and prints, per page,
the median of five renders, how many queries it ran and its slowest query.
It leaves out the HTTP server on purpose: this is the time the page itself
costs, which the whole-page cache hides once warm.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/localdigital_bench \
        .venv/bin/python bench/cold.py [--seed] [--runs 5] [--sql]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

# Pages bench/run.py leaves out: filters, a signatory's page, the data files,
# the feed and the sitemap.
MORE_PAGES = [
    "/signatories/bench-7/",
    "/signatories/?type=london-borough&region=London&page=3",
    "/declaration-projects/?principle=fix-the-plumbing&page=10",
    "/fund/bids/?outcome=funded&principle=fix-the-plumbing&sort=-amount",
    "/fund/bids/?sort=lead&page=500",
    "/fund/projects/?page=300",
    "/fund/partners/?organisation=bench-7&page=5",
    "/signatories.atom",
    "/sitemap.xml",
    "/sitemap-signatories.xml?p=60",
    "/sitemap-fund-projects.xml?p=40",
]
FILES = [
    "/signatories.csv",
    "/signatories.json",
    "/declaration-projects.csv",
    "/declaration-projects.json",
    "/fund/bids.csv",
    "/fund/bids.json",
    "/fund/projects.csv",
    "/fund/projects.json",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", action="store_true", help="seed the database first")
    parser.add_argument("--signatories", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", action="store_true", help="time the open-data files too")
    parser.add_argument("--sql", action="store_true", help="print each page's slowest query")
    args = parser.parse_args()

    from bench.run import PAGES, environment, seed

    os.environ.update(environment())
    os.environ["ALLOWED_HOSTS"] = "testserver"
    # Cold means no page cache: else every render after the first is a hit in
    # the shared cache that bench/run.py filled, and times nothing.
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # one line a request would drown the table
    if args.seed:
        seed(args.signatories)
    # The pages link to hashed static files, named in the manifest this writes.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=os.environ,
        check=True,
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    pages = [*PAGES, *MORE_PAGES, *(FILES if args.files else [])]
    print(
        f"{'page':66} {'status':>6} {'ms':>8} {'cpu ms':>7} {'queries':>8} "
        f"{'sql ms':>7} {'slowest ms':>11}"
    )
    for path in pages:
        client.get(path)  # the first render fills Jinja's and Django's own caches
        timings, cpu_timings = [], []
        for _ in range(args.runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - started) * 1000)
            # The process's own time: the render, which a loaded machine moves far less.
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
        slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
        slowest_ms = float(slowest["time"]) * 1000 if slowest else 0.0
        sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        print(
            f"{path:66} {response.status_code:>6} {statistics.median(timings):8.1f} "
            f"{statistics.median(cpu_timings):7.1f} {len(queries.captured_queries):>8} "
            f"{sql_ms:7.1f} {slowest_ms:11.1f}",
            flush=True,
        )
        if args.sql and slowest:
            print(f"    {slowest['sql'][:600]}")


if __name__ == "__main__":
    main()
