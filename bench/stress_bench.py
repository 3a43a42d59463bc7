#!/usr/bin/env python3
"""Measures a `gfce serve` binary under what real use does at once: many sign-ins racing (resident
memory before, at its peak and after, and how many password checks the throttle let through), and
writers overlapping through the API (create, submit and publish cycles: statuses and throughput).
Prints its figures; asserts nothing (figures go in docs/PERFORMANCE.md).

    python3 bench/stress_bench.py [--bin target/release/gfce] [--sign-ins 120] [--writers 8] [--cycles 10]
                                  [--database-url URL]
"""

import argparse
import collections
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlencode, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_bench import ROOT, rss_mib, start, stop  # noqa: E402

ADMIN = "secretariat@thegfce.example.org"
PASSWORD = "correct horse battery staple"


def cli(binary, data_dir, database_url, *args, stdin=None):
    command = [binary, *args, "--data-dir", data_dir]
    if database_url:
        command += ["--database-url", database_url]
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def connect(base, source=None):
    """A connection to the server, from `source` (another loopback address) if given."""
    host = urlparse(base)
    return http.client.HTTPConnection(host.hostname, host.port, timeout=60,
                                      source_address=(source, 0) if source else None)


def resident(pid):
    return dict(rss_mib(pid))["VmRSS"]


def sign_in_once(base, password, source):
    """One visitor from `source`: fetches the sign-in form (its CSRF cookie and token), then posts it."""
    conn = connect(base, source)
    conn.request("GET", "/en/login")
    form = conn.getresponse()
    page = form.read().decode()
    cookie = "; ".join(c.split(";")[0] for c in form.headers.get_all("Set-Cookie") or [])
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body = urlencode({"csrf_token": token, "email": ADMIN, "password": password})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    conn.request("POST", "/en/login", body=body, headers=headers)
    answer = conn.getresponse()
    answer.read()
    return answer.status


def racing_sign_ins(base, pid, count):
    """`count` wrong passwords at once, each from its own loopback address (127.0.0.2 on), so that
    only the account's limit on guesses from elsewhere stops them; resident memory sampled
    throughout."""
    before = resident(pid)
    peak = [before]
    running = threading.Event()
    running.set()

    def sample():
        while running.is_set():
            peak[0] = max(peak[0], resident(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    statuses = collections.Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(count)

    def visitor(n):
        barrier.wait()
        status = sign_in_once(base, "not the password at all", f"127.0.{n // 250}.{n % 250 + 2}")
        with lock:
            statuses[status] += 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    running.clear()
    sampler.join()
    time.sleep(5)
    return before, peak[0], resident(pid), statuses, elapsed


def api(conn, method, path, token, body=None):
    headers = {"Authorization": f"Bearer {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    conn.request(method, path, body=body, headers=headers)
    answer = conn.getresponse()
    data = answer.read()
    return answer.status, (json.loads(data) if data and answer.getheader("Content-Type", "").find("json") >= 0
                           else None)


def project(slug):
    return {"slug": slug, "title": {"en": f"Written at once {slug}", "vi": None}, "summary": None,
            "description": None, "status": "planned", "starts_on": None, "ends_on": None, "participants": [],
            "countries": ["VN"], "regions": [], "themes": ["cybercrime"], "tags": [], "budget": None,
            "languages": [], "links": [], "iati_identifier": None, "source_url": None}


def overlapping_writers(base, token, writers, cycles):
    """`writers` clients, each creating, submitting and publishing `cycles` projects."""
    statuses = collections.Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(writers)

    def writer(n):
        conn = connect(base)
        barrier.wait()
        for c in range(cycles):
            status, revision = api(conn, "POST", "/api/v1/projects", token, project(f"stress-{n}-{c}"))
            steps = [status]
            if revision and "id" in revision:
                for step in ("submit", "publish"):
                    steps.append(api(conn, "POST", f"/api/v1/revisions/{revision['id']}/{step}", token)[0])
            with lock:
                statuses.update(steps)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses, time.perf_counter() - t0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gfce"))
    parser.add_argument("--sign-ins", type=int, default=120)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--cycles", type=int, default=10)
    parser.add_argument("--database-url", help="an empty PostgreSQL database instead of SQLite")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        extra = ["--database-url", args.database_url] if args.database_url else []
        proc, base, _ = start(args.bin, data_dir, extra)
        try:
            cli(args.bin, data_dir, args.database_url, "user", "create", "--email", ADMIN, "--role", "admin",
                stdin=PASSWORD + "\n")
            token = cli(args.bin, data_dir, args.database_url, "token", "create", "--email", ADMIN, "--name",
                        "stress", "--scope", "write")
            database = "PostgreSQL" if args.database_url else "SQLite"

            before, peak, after, statuses, elapsed = racing_sign_ins(base, proc.pid, args.sign_ins)
            print(f"{database}: {args.sign_ins} wrong passwords at once for one account from as many addresses, "
                  f"in {elapsed:.1f} s")
            print(f"  statuses: {dict(sorted(statuses.items()))}")
            print(f"  resident memory: {before:.1f} MiB before, {peak:.1f} MiB peak, {after:.1f} MiB 5 s after")

            statuses, elapsed = overlapping_writers(base, token, args.writers, args.cycles)
            steps = sum(statuses.values())
            print(f"{database}: {args.writers} API writers x {args.cycles} create/submit/publish cycles, "
                  f"{elapsed:.1f} s, {steps / elapsed:.0f} steps/s")
            print(f"  statuses: {dict(sorted(statuses.items()))}")
            print(f"  resident memory after: {resident(proc.pid):.1f} MiB")
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
