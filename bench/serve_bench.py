#!/usr/bin/env python3
"""Measures a `gfce serve` binary: cold start (empty data directory: migrations, reference data and
the search index),
warm start, resident memory, and request latency of the main pages and API lists over keep-alive
HTTP on loopback. Prints its figures; asserts nothing (figures go in docs/PERFORMANCE.md).

    python3 bench/serve_bench.py [--bin target/release/gfce] [--runs 5] [--requests 2000] [--database-url URL]
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary, data_dir, extra=()):
    """Starts the server; returns (process, base URL, seconds until /readyz answered 200)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "serve", "--addr", "127.0.0.1:0", "--data-dir", data_dir, "--search-rate-limit", "0",
         "--write-rate-limit", "0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = proc.stdout.readline()
    match = re.search(r"http://[0-9.:]+", line)
    if not match:
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    base = match.group(0)
    host = urlparse(base)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(host.hostname, host.port, timeout=2)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                return proc, base, time.perf_counter() - t0
        except OSError:
            time.sleep(0.005)
    proc.kill()
    raise SystemExit("server never became ready")


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                yield line.split(":")[0], int(line.split()[1]) / 1024


def latencies(base, path, count, clients=1):
    """Issues `count` GETs split over `clients` keep-alive connections; returns per-request seconds."""
    host = urlparse(base)
    results = []
    lock = threading.Lock()

    def worker(n):
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        mine = []
        for _ in range(n):
            t = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path}: status {response.status}")
            mine.append(time.perf_counter() - t)
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=worker, args=(count // clients,)) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - t0


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gfce"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--database-url", help="measure latency on this database (e.g. an empty PostgreSQL "
                        "database) instead of a fresh SQLite file; start times are always measured on SQLite")
    args = parser.parse_args()

    print(f"binary: {args.bin}")
    cold, warm = [], []
    for _ in range(args.runs):
        data_dir = tempfile.mkdtemp(prefix="gfce-bench-")
        try:
            proc, _, seconds = start(args.bin, data_dir)
            cold.append(seconds)
            stop(proc)
            proc, _, seconds = start(args.bin, data_dir)
            warm.append(seconds)
            stop(proc)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(f"cold start to ready (empty data dir, {args.runs} runs): median {statistics.median(cold)*1000:.0f} ms, "
          f"max {max(cold)*1000:.0f} ms")
    print(f"warm start to ready ({args.runs} runs): median {statistics.median(warm)*1000:.0f} ms, "
          f"max {max(warm)*1000:.0f} ms")

    data_dir = tempfile.mkdtemp(prefix="gfce-bench-")
    extra = ["--database-url", args.database_url] if args.database_url else []
    print(f"\nlatency database: {'PostgreSQL (given URL)' if args.database_url else 'SQLite'}")
    proc, base, _ = start(args.bin, data_dir, extra)
    try:
        for name, value in rss_mib(proc.pid):
            print(f"memory after start: {name} {value:.1f} MiB")
        paths = [
            "/api/v1/members?per_page=50",
            "/api/v1/members?region=142&kind=country",
            "/api/v1/members?q=viet",
            "/api/v1/events",
            "/en/members",
            "/vi/members?region=150",
            "/vi/members/viet-nam",
            "/en",
            "/api/v1/search?q=viet%20nam",
            "/api/v1/search?q=conference&type=event",
            "/api/v1/search?region=150",
            "/vi/search?q=ha%20lan",
            "/feeds/latest.atom",
        ]
        print(f"\nlatency, 1 client, {args.requests} requests each (ms)")
        print(f"{'path':44} {'p50':>7} {'p99':>7} {'max':>7}")
        for path in paths:
            samples, _ = latencies(base, path, args.requests)
            print(f"{path:44} {pct(samples, 50)*1000:7.2f} {pct(samples, 99)*1000:7.2f} {max(samples)*1000:7.2f}")
        clients = 16
        samples, elapsed = latencies(base, "/api/v1/members?per_page=50", args.requests * 2, clients)
        print(f"\nthroughput, {clients} clients on /api/v1/members?per_page=50: {len(samples)/elapsed:.0f} req/s "
              f"(p50 {pct(samples, 50)*1000:.2f} ms, p99 {pct(samples, 99)*1000:.2f} ms)")
        for name, value in rss_mib(proc.pid):
            print(f"memory after load: {name} {value:.1f} MiB")
    finally:
        stop(proc)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
