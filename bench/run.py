"""Benchmark of the public pages, at 100 times the real programme's volume.

Seeds a database (the real programme has had about 300 signatories, so 30,000
here, each with a commitment, and 40,000 bids), serves the site with gunicorn
as production does (2 workers, DEBUG off, Redis as the shared cache, flushed
first), and requests every public page in turn over 16 connections, as a
browser would (accepting brotli and gzip). Each page's throughput and latency
are reported beside, and as a ratio to, a trivial Django view (/robots.txt: no
database, no template) served by the same server in the same run, so results
compare across machines. Then each page's cold render: the median time to
draw it with the page cache emptied before each request.

Each page passes when it serves at least half the trivial view's throughput,
with p99 at most 50 ms, and renders cold in at most 30 ms.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/localdigital_bench \
        .venv/bin/python bench/run.py [--signatories 30000] [--requests 320]
"""

import argparse
import contextlib
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

BASELINE = "/robots.txt"
PAGES = [
    "/",
    "/declaration/",
    "/declaration/fix-the-plumbing/",
    "/signatories/",
    "/signatories/?sort=-signed&page=50",
    "/signatories/?q=council&nation=England",
    "/signatories/bench-7/",
    "/signatories.atom",
    "/declaration-projects/",
    "/coverage/",
    "/open-data/",
    "/fund/",
    "/fund/bench-0/",
    "/fund/bids/",
    "/fund/bids/?phase=alpha&page=20",
    "/fund/projects/",
    "/fund/projects/BR0-0001/",
    "/fund/partners/?organisation=bench-7",
    "/fund/bench-0/expressions/",
    "/fund/bench-0/expressions/?page=30",
    "/updates/",
    "/updates/?phase=alpha&council=bench-7&page=2",
    "/updates.atom",
    "/fund/projects/BR0-0001/updates.atom",
    "/case-studies/",
    "/case-studies/?principle=fix-the-plumbing&council=bench-7",
    "/case-studies/?page=40",
    "/case-studies/bench-case-study-7/",
    "/declaration/co-publishers/",
    "/news/",
    "/news/?page=40",
    "/news/bench-news-7/",
    "/news.atom",
    "/events/",
    "/events/bench-event-7/",
    "/events.ics",
    "/programme/",
    "/programme/bench-page-17/",
    "/performance/",
    "/email-updates/",
    # Every signatory's name and every bid's summary hold "council": the bound on ranking.
    "/search/?q=council",
]
PORT = 8765
SERVER_LOG = Path(tempfile.gettempdir()) / "localdigital-bench-server.log"
# Targets (issue 9): against the trivial view served by the same server.
MIN_RATIO = 0.5
MAX_P99_MS = 50
MAX_COLD_MS = 30
COLD_RENDERS = 5
BROWSER_HEADERS = {"Host": "127.0.0.1", "Accept-Encoding": "br, gzip"}


def environment() -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "localdigital.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
    }
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/localdigital_bench")
    env.setdefault("CACHE_URL", "redis://127.0.0.1:6379/4")
    return env


def seed(signatories: int) -> None:
    """Create the database and fill it, unless it already holds this many signatories."""
    os.environ.update(environment())
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        _create_postgres_database(connection.settings_dict)
    call_command("migrate", verbosity=0)
    from bench.seed import seed_expressions, seed_fund, seed_signatories, seed_updates
    from bench.seed_cases import seed_case_studies
    from bench.seed_programme import seed_programme

    seed_signatories(signatories)
    # The real fund had some 400 bids over its rounds: 100 times that.
    seed_fund(rounds=10, bids_per_round=4_000)
    # Round 1 had 389 expressions of interest for 77 full bids: about five to a bid.
    seed_expressions(round_slug="bench-0", count=20_000)
    # About 40,000: a hundred times the few hundred the real projects might post.
    seed_updates(per_project=3)
    # Some tens of case studies a year at most: a hundred times that, and more.
    seed_case_studies(10_000)
    seed_programme(posts=20_000, events=10_000, pages=1_000)


def _create_postgres_database(settings_dict: dict) -> None:
    import psycopg

    with psycopg.connect(
        host=settings_dict["HOST"],
        port=settings_dict["PORT"],
        user=settings_dict["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [settings_dict["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')


def measure(path: str, requests: int, concurrency: int) -> dict:
    """Send `requests` GETs for `path` over `concurrency` keep-alive connections."""
    latencies: list[float] = []
    statuses: set[int] = set()
    lock = threading.Lock()
    per_worker = requests // concurrency

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        for _ in range(per_worker):
            started = time.perf_counter()
            conn.request("GET", path, headers=BROWSER_HEADERS)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses.add(response.status)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "path": path,
        "statuses": sorted(statuses),
        "throughput": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
    }


def flush_cache() -> None:
    """Empty the shared cache (its Redis database, which is the benchmark's own)."""
    import redis

    redis.Redis.from_url(environment()["CACHE_URL"]).flushdb()


def cold_render(path: str) -> float:
    """The median time, in ms, to serve the page with the page cache emptied before each request."""
    times = []
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    for _ in range(COLD_RENDERS):
        flush_cache()
        started = time.perf_counter()
        conn.request("GET", path, headers=BROWSER_HEADERS)
        conn.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--signatories", type=int, default=30_000)
    parser.add_argument("--requests", type=int, default=320, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    print(f"Seeding {args.signatories} signatories ...", flush=True)
    seed(args.signatories)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=environment(),
        check=True,
    )
    flush_cache()
    with _server():
        baselines, results = [], []
        for path in PAGES:
            # The trivial view is measured again just before each page, and the
            # page's ratio is to that: on a shared machine the load drifts.
            measure(BASELINE, args.concurrency * 4, args.concurrency)
            baselines.append(measure(BASELINE, args.requests, args.concurrency))
            # Warmed just before it is measured, so every worker has drawn it
            # (and opened its database connection) within the cache's lifetime.
            measure(path, args.concurrency * 4, args.concurrency)
            results.append(measure(path, args.requests, args.concurrency))
            results[-1]["baseline"] = baselines[-1]["throughput"]
        for result in results:
            result["cold"] = cold_render(result["path"])
        baseline = {
            "path": BASELINE,
            "statuses": sorted({s for b in baselines for s in b["statuses"]}),
            "throughput": statistics.median(b["throughput"] for b in baselines),
            "p50": statistics.median(b["p50"] for b in baselines),
            "p99": statistics.median(b["p99"] for b in baselines),
            "cold": cold_render(BASELINE),
        }
        baseline["baseline"] = baseline["throughput"]
    flush_cache()
    _report(baseline, results, args)


@contextlib.contextmanager
def _server():
    """gunicorn serving the site with its production settings, until the block ends."""
    # Each request is logged as in production, to a file rather than this terminal.
    log = SERVER_LOG.open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "localdigital.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=PROJECT,
        env=environment(),
        stdout=log,
        stderr=log,
    )
    try:
        _wait_for_server()
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _report(baseline: dict, results: list[dict], args) -> None:
    print(
        f"\n{args.signatories} signatories, {args.concurrency} connections, "
        f"{args.requests} requests a page, gunicorn with 2 workers, Redis page cache\n"
    )
    header = f"| {'page':42} | status | req/s | p50 ms | p99 ms | vs trivial | cold ms | result |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    failures = 0
    for result in [baseline, *results]:
        ratio = result["throughput"] / result["baseline"]
        status = ",".join(str(s) for s in result["statuses"])
        if result is baseline:
            verdict = "baseline"
        else:
            missed = [
                name
                for name, ok in (
                    ("throughput", ratio >= MIN_RATIO),
                    ("p99", result["p99"] <= MAX_P99_MS),
                    ("cold", result["cold"] <= MAX_COLD_MS),
                    ("status", result["statuses"] == [200]),
                )
                if not ok
            ]
            verdict = "PASS" if not missed else "FAIL: " + ", ".join(missed)
            failures += bool(missed)
        path = f"`{result['path']}`"
        print(
            f"| {path:42} | {status:>6} | {result['throughput']:5.0f} | {result['p50']:6.1f} "
            f"| {result['p99']:6.1f} | {ratio:9.2f}x | {result['cold']:7.1f} | {verdict} |"
        )
    print(
        "\nThe trivial view's row gives the medians of its measurements, one just before "
        "each page's; each page's ratio is to the one before it."
    )
    print(
        f"\nTargets: at least {MIN_RATIO:.0%} of the trivial view's throughput, p99 at most "
        f"{MAX_P99_MS} ms, cold render at most {MAX_COLD_MS} ms (median of {COLD_RENDERS}). "
        f"{len(results) - failures} of {len(results)} pages pass."
    )


def _wait_for_server() -> None:
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", BASELINE)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn did not start: see {SERVER_LOG}")


if __name__ == "__main__":
    main()
