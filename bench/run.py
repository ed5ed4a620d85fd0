"""Benchmark of the public pages, at 100 times the real programme's volume.

Seeds a database (the real programme has had about 300 signatories, so 30,000
here, each with a commitment), serves the site with gunicorn as production
does, and requests every public page in turn. Each page's throughput and
latency are reported beside, and as a ratio to, a trivial Django view
(/robots.txt: no database, no template) served by the same server in the
same run, so results compare across machines.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/localdigital_bench \
        .venv/bin/python bench/run.py [--signatories 30000] [--requests 300]
"""

import argparse
import contextlib
import http.client
import os
import statistics
import subprocess
import sys
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
]
PORT = 8765


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
    from bench.seed import seed_fund, seed_signatories

    seed_signatories(signatories)
    # The real fund had some 400 bids over its rounds: 100 times that.
    seed_fund(rounds=10, bids_per_round=4_000)


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
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
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
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--signatories", type=int, default=30_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    print(f"Seeding {args.signatories} signatories ...", flush=True)
    seed(args.signatories)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=environment(),
        check=True,
    )
    with _server():
        for path in [BASELINE, *PAGES]:  # warm up every worker's caches and connections
            measure(path, args.concurrency * 5, args.concurrency)
        baseline = measure(BASELINE, args.requests, args.concurrency)
        results = [measure(path, args.requests, args.concurrency) for path in PAGES]
    _report(baseline, results)


@contextlib.contextmanager
def _server():
    """gunicorn serving the site with its production settings, until the block ends."""
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
    )
    try:
        _wait_for_server()
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def _report(baseline: dict, results: list[dict]) -> None:
    print(
        f"\n{'page':45} {'status':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'vs trivial':>11}"
    )
    for result in [baseline, *results]:
        ratio = result["throughput"] / baseline["throughput"]
        status = ",".join(str(s) for s in result["statuses"])
        print(
            f"{result['path']:45} {status:>7} {result['throughput']:8.1f} {result['p50']:8.1f} "
            f"{result['p95']:8.1f} {ratio:10.2f}x"
        )


def _wait_for_server() -> None:
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", BASELINE)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


if __name__ == "__main__":
    main()
