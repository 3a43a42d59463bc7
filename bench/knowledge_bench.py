#!/usr/bin/env python3
"""Measures GFCE Hub on a large knowledge base: `gfce demo-data` makes N bilingual projects, `gfce export`
writes them as JSON, `gfce import` loads that JSON into a fresh data directory (timed), `gfce serve`
builds its search index over it (time until /readyz answers 200), then a fixed mix of plain, faceted
and filtered searches goes through the HTTP API over keep-alive on loopback, from one client and then
from several at once; the server's resident memory is read from /proc. The same rows and the same
queries are then run on SQLite FTS5 and on PostgreSQL full-text search, in-process from Python (no
HTTP there, so the comparison favours them). Prints its figures; asserts nothing (figures go in
docs/PERFORMANCE.md).

    python3 bench/knowledge_bench.py [--bin target/release/gfce] [--projects 100000] [--requests 3000]
        [--clients 16] [--postgres-url postgres://gfce:gfce@127.0.0.1:5432/postgres] [--json]

The PostgreSQL part needs `pip install "psycopg[binary]"` and a server the URL reaches as a user who
may create databases; it makes a scratch database and drops it at the end. Without either, it says so
and is skipped. Everything else needs only the standard library.
"""

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlencode, urlparse

try:
    import psycopg
except ImportError:  # the PostgreSQL comparison is then skipped
    psycopg = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLASSES = ("plain", "faceted", "filtered")
PER_PAGE = 20
# Relative weights of the text columns: titles count most, as in the gfce index (title boost 3).
FTS5_WEIGHTS = "3.0, 3.0, 2.0, 2.0, 1.0, 1.0"

# The fixed query mix: (class, words, filters). Run in this order, round and round.
P = "project"
QUERIES = [
    ("plain", "incident response", ()),
    ("plain", "ứng cứu sự cố", ()),
    ("plain", "ung cuu su co", ()),
    ("plain", "data protection", ()),
    ("plain", "bảo vệ dữ liệu", ()),
    ("plain", "bao ve du lieu", ()),
    ("plain", "cybercrime legislation", ()),
    ("plain", "CERT", ()),
    ("plain", "Viet Nam", ()),
    ("plain", "training", ()),
    ("plain", "critical infrastructure", ()),
    ("plain", "an ninh mạng", ()),
    ("plain", "cyber diplomacy", ()),
    ("plain", "điều tra tội phạm", ()),
    ("plain", "dieu tra toi pham", ()),
    ("plain", "awareness campaign Kenya", ()),
    ("faceted", "incident response", (("type", P), ("theme", "incident-management-ciip"))),
    ("faceted", "cybercrime", (("type", P), ("theme", "cybercrime"))),
    ("faceted", "bảo vệ dữ liệu", (("type", P), ("theme", "data-protection"))),
    ("faceted", "training", (("type", P), ("status", "ongoing"))),
    ("faceted", "ung cuu su co", (("type", P), ("status", "completed"))),
    ("faceted", "CERT", (("type", P), ("theme", "cert-cooperation"))),
    ("faceted", "awareness", (("type", P), ("theme", "culture-skills"))),
    ("faceted", "an ninh mạng", (("type", P), ("status", "planned"))),
    ("faceted", "national strategy", (("type", P), ("theme", "policy-strategy"))),
    ("faceted", "standards", (("type", P), ("theme", "standards"))),
    ("faceted", "e-government", (("type", P), ("theme", "e-government"))),
    ("filtered", "", (("country", "VN"),)),
    ("filtered", "", (("country", "KE"),)),
    ("filtered", "training", (("country", "KE"),)),
    ("filtered", "", (("region", "035"),)),
    ("filtered", "", (("region", "002"),)),
    ("filtered", "cybercrime", (("region", "002"),)),
    ("filtered", "", (("status", "ongoing"),)),
    ("filtered", "", (("year", "2020"),)),
    ("filtered", "workshop", (("year", "2020"),)),
    ("filtered", "", (("country", "NG"), ("status", "completed"))),
    ("filtered", "exercise", (("region", "035"), ("year", "2020"))),
]


def start(binary, data_dir, timeout):
    """Starts the server; returns (process, base URL, seconds until /readyz answered 200). The server
    prints its address once the index is built, so the wait for that line is most of the time."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "serve", "--addr", "127.0.0.1:0", "--data-dir", data_dir, "--search-rate-limit", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = proc.stdout.readline()
    match = re.search(r"http://[0-9.:]+", line)
    if not match:
        proc.kill()
        proc.wait()
        raise SystemExit(f"server did not start: {line!r}")
    base = match.group(0)
    host = urlparse(base)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(host.hostname, host.port, timeout=2)
            conn.request("GET", "/readyz")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return proc, base, time.perf_counter() - t0
        except OSError:
            pass
        time.sleep(0.005)
    stop(proc)
    raise SystemExit("server never became ready")


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def rss_mib(pid):
    """VmRSS and VmHWM (the peak) of a process, in MiB."""
    found = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                found[line.split(":")[0]] = int(line.split()[1]) / 1024
    return found


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def stats_ms(samples):
    return {"n": len(samples), "p50": pct(samples, 50) * 1000, "p90": pct(samples, 90) * 1000,
            "p99": pct(samples, 99) * 1000, "max": max(samples) * 1000}


def machine():
    model, cpus = "unknown", 0
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name") and model == "unknown":
                model = line.split(":", 1)[1].strip()
            elif line.startswith("processor"):
                cpus += 1
    memory = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                memory = int(line.split()[1]) / 1024 / 1024
    return {"cpu": model, "cpus": cpus or os.cpu_count(), "memory_gib": round(memory, 1),
            "kernel": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version}


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def size_mib(path):
    """The size of a file (with its SQLite -wal file, if any) or of a directory's files."""
    if os.path.isfile(path):
        wal = path + "-wal"
        return (os.path.getsize(path) + (os.path.getsize(wal) if os.path.isfile(wal) else 0)) / 1024 / 1024
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    return total / 1024 / 1024


def run_gfce(binary, arguments, log, stdout=subprocess.PIPE):
    """Runs a gfce command, its log lines into `log`; returns (standard output, seconds)."""
    t0 = time.perf_counter()
    with open(log, "a") as err:
        done = subprocess.run([binary, *arguments], stdout=stdout, stderr=err, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        with open(log) as err:
            tail = err.read()[-2000:]
        raise SystemExit(f"gfce {' '.join(arguments)} failed ({done.returncode}):\n{tail}")
    return done.stdout or "", seconds


def describe(query):
    _, q, filters = query
    parts = [f"q={q!r}"] if q else []
    parts += [f"{name}={value}" for name, value in filters]
    return " ".join(parts) or "(all)"


def api_path(query):
    _, q, filters = query
    params = [("q", q)] if q else []
    params += list(filters) + [("per_page", str(PER_PAGE))]
    return "/api/v1/search?" + urlencode(params)


def http_get(conn, path):
    """One GET over the connection; returns (status, body)."""
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def measure(run, count, offset=0):
    """Runs `count` queries of the mix in order (from `offset`), timing each; returns {class: [seconds]}."""
    samples = {c: [] for c in CLASSES}
    for i in range(count):
        query = QUERIES[(offset + i) % len(QUERIES)]
        t = time.perf_counter()
        run(query)
        samples[query[0]].append(time.perf_counter() - t)
    return samples


def summarise(samples):
    """Per-class and overall latency figures (ms) from {class: [seconds]}."""
    figures = {c: stats_ms(samples[c]) for c in CLASSES if samples[c]}
    figures["all"] = stats_ms([s for c in CLASSES for s in samples[c]])
    return figures


def print_latency(title, figures):
    print(f"\n{title} (ms)")
    print(f"  {'class':10} {'n':>6} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}")
    for name, f in figures.items():
        print(f"  {name:10} {f['n']:6d} {f['p50']:8.2f} {f['p90']:8.2f} {f['p99']:8.2f} {f['max']:8.2f}")


def words(q):
    return re.findall(r"\w+", q)


def fts5_match(q):
    """The words AND-ed, each quoted as an FTS5 string so that no input is query syntax."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words(q))


def filter_sql(filters, mark, year_of):
    """SQL conditions on `p` (the projects) for the API's filters, as the index facets them: a
    project is in a region through its countries' region, sub-region and intermediate region, and
    through the regions it names; it is in every year from its start to its end (or the year of
    its one date). `type` needs no condition: only projects are in these tables."""
    conditions, params = [], []
    for name, value in filters:
        if name == "theme":
            conditions.append(f"p.rid IN (SELECT rid FROM rt WHERE theme = {mark})")
            params.append(value)
        elif name == "country":
            conditions.append(f"p.rid IN (SELECT rid FROM rc WHERE country = {mark})")
            params.append(value)
        elif name == "region":
            conditions.append(
                f"(p.rid IN (SELECT rc.rid FROM rc JOIN countries c ON c.code = rc.country "
                f"WHERE c.region = {mark} OR c.sub_region = {mark} OR c.intermediate_region = {mark}) "
                f"OR p.rid IN (SELECT rid FROM rr WHERE region = {mark}))")
            params += [value] * 4
        elif name == "status":
            conditions.append(f"p.status = {mark}")
            params.append(value)
        elif name == "year":
            start, end = year_of("p.starts_on"), year_of("p.ends_on")
            conditions.append(
                f"((p.starts_on IS NOT NULL AND p.ends_on IS NOT NULL AND {start} <= {mark} AND {end} >= {mark}) "
                f"OR (p.ends_on IS NULL AND {start} = {mark}) OR (p.starts_on IS NULL AND {end} = {mark}))")
            params += [int(value)] * 4
    return conditions, params


# --- SQLite FTS5 -------------------------------------------------------------------------------

def build_fts5(path, source):
    """Copies the projects of `source` (gfce.db) into a bench SQLite file with an FTS5 table over
    their six text columns and the country, theme and region tables; returns the connection."""
    con = sqlite3.connect(f"file:{path}", uri=True, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    con.executescript("""
        BEGIN;
        CREATE TABLE p (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, slug TEXT NOT NULL, title_en TEXT,
                        title_vi TEXT, status TEXT NOT NULL, starts_on TEXT, ends_on TEXT);
        INSERT INTO p SELECT rowid, id, slug, title_en, title_vi, status, starts_on, ends_on FROM src.projects;
        CREATE INDEX p_status ON p (status);
        CREATE TABLE countries (code TEXT PRIMARY KEY, region TEXT, sub_region TEXT, intermediate_region TEXT);
        INSERT INTO countries SELECT code, region, sub_region, intermediate_region FROM src.countries;
        CREATE TABLE rc (rid INTEGER NOT NULL, country TEXT NOT NULL, PRIMARY KEY (rid, country)) WITHOUT ROWID;
        INSERT INTO rc SELECT p.rid, r.country FROM src.record_countries r JOIN p ON p.id = r.record_id;
        CREATE INDEX rc_country ON rc (country, rid);
        CREATE TABLE rt (rid INTEGER NOT NULL, theme TEXT NOT NULL, PRIMARY KEY (rid, theme)) WITHOUT ROWID;
        INSERT INTO rt SELECT p.rid, r.theme_id FROM src.record_themes r JOIN p ON p.id = r.record_id;
        CREATE INDEX rt_theme ON rt (theme, rid);
        CREATE TABLE rr (rid INTEGER NOT NULL, region TEXT NOT NULL, PRIMARY KEY (rid, region)) WITHOUT ROWID;
        INSERT INTO rr SELECT p.rid, r.region FROM src.record_regions r JOIN p ON p.id = r.record_id;
        CREATE INDEX rr_region ON rr (region, rid);
        CREATE VIRTUAL TABLE fts USING fts5(title_en, title_vi, summary_en, summary_vi, description_en,
                                            description_vi, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO fts (rowid, title_en, title_vi, summary_en, summary_vi, description_en, description_vi)
            SELECT rowid, title_en, title_vi, summary_en, summary_vi, description_en, description_vi FROM src.projects;
        INSERT INTO fts (fts) VALUES ('optimize');
        COMMIT;
        ANALYZE main;
    """)
    con.execute("DETACH DATABASE src")
    return con


def fts5_search(con, query):
    """The top page by bm25, the total, and (faceted) the status and theme counts; returns the total."""
    cls, q, filters = query
    conditions, params = filter_sql(filters, "?", lambda column: f"CAST(substr({column}, 1, 4) AS INTEGER)")
    match = fts5_match(q)
    if match:
        source = "fts JOIN p ON p.rid = fts.rowid"
        conditions = ["fts MATCH ?", *conditions]
        params = [match, *params]
        order = f"bm25(fts, {FTS5_WEIGHTS})"
    else:
        source, order = "p", "p.rid"
    where = " AND ".join(conditions) or "1"
    con.execute(f"SELECT p.slug, p.title_en, p.title_vi FROM {source} WHERE {where} ORDER BY {order} "
                f"LIMIT {PER_PAGE}", params).fetchall()
    total = con.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
    if cls == "faceted":
        con.execute(f"SELECT p.status, count(*) FROM {source} WHERE {where} GROUP BY p.status", params).fetchall()
        con.execute(f"SELECT t.theme, count(*) FROM {source} JOIN rt t ON t.rid = p.rid WHERE {where} "
                    f"GROUP BY t.theme", params).fetchall()
    return total


# --- PostgreSQL ---------------------------------------------------------------------------------

def build_postgres(con, source):
    """Loads the projects of `source` (gfce.db) with COPY, builds the weighted tsvector, its GIN
    index and the country, theme and region tables; returns whether unaccent() is used."""
    try:
        con.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        fold = "unaccent"
    except psycopg.Error:
        fold = ""
    con.execute("""CREATE UNLOGGED TABLE raw (rid integer, id text, slug text, title_en text, title_vi text,
                   summary_en text, summary_vi text, description_en text, description_vi text, status text,
                   starts_on date, ends_on date)""")
    con.execute("CREATE TABLE countries (code text PRIMARY KEY, region text, sub_region text, "
                "intermediate_region text)")
    for table in ("rc (rid integer NOT NULL, country text NOT NULL, PRIMARY KEY (rid, country))",
                  "rt (rid integer NOT NULL, theme text NOT NULL, PRIMARY KEY (rid, theme))",
                  "rr (rid integer NOT NULL, region text NOT NULL, PRIMARY KEY (rid, region))"):
        con.execute(f"CREATE TABLE {table}")
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    loads = [
        ("raw", "SELECT rowid, id, slug, title_en, title_vi, summary_en, summary_vi, description_en, "
                "description_vi, status, starts_on, ends_on FROM projects"),
        ("countries", "SELECT code, region, sub_region, intermediate_region FROM countries"),
        ("rc", "SELECT p.rowid, r.country FROM record_countries r JOIN projects p ON p.id = r.record_id"),
        ("rt", "SELECT p.rowid, r.theme_id FROM record_themes r JOIN projects p ON p.id = r.record_id"),
        ("rr", "SELECT p.rowid, r.region FROM record_regions r JOIN projects p ON p.id = r.record_id"),
    ]
    with con.cursor() as cur:
        for table, select in loads:
            with cur.copy(f"COPY {table} FROM STDIN") as copy:
                for row in lite.execute(select):
                    copy.write_row(row)
    lite.close()

    def text(*columns):
        joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
        return f"to_tsvector('simple', {fold}({joined}))"

    con.execute(f"""
        CREATE TABLE p AS SELECT rid, id, slug, title_en, title_vi, status, starts_on, ends_on,
            setweight({text('title_en', 'title_vi')}, 'A')
            || setweight({text('summary_en', 'summary_vi')}, 'B')
            || setweight({text('description_en', 'description_vi')}, 'C') AS tsv
        FROM raw""")
    con.execute("DROP TABLE raw")
    con.execute("ALTER TABLE p ADD PRIMARY KEY (rid)")
    con.execute("CREATE INDEX p_tsv ON p USING gin (tsv)")
    con.execute("CREATE INDEX p_status ON p (status)")
    con.execute("CREATE INDEX rc_country ON rc (country, rid)")
    con.execute("CREATE INDEX rt_theme ON rt (theme, rid)")
    con.execute("CREATE INDEX rr_region ON rr (region, rid)")
    con.execute("VACUUM ANALYZE")
    return bool(fold)


def postgres_search(con, query, fold):
    """The top page by ts_rank, the total, and (faceted) the status and theme counts; returns the total."""
    cls, q, filters = query
    conditions, params = filter_sql(filters, "%s", lambda column: f"extract(year FROM {column})")
    if words(q):
        source = f"p CROSS JOIN plainto_tsquery('simple', {fold}(%s::text)) AS query"
        conditions = ["p.tsv @@ query", *conditions]
        params = [q, *params]
        order = "ts_rank(p.tsv, query) DESC"
    else:
        source, order = "p", "p.rid"
    where = " AND ".join(conditions) or "true"
    con.execute(f"SELECT p.slug, p.title_en, p.title_vi FROM {source} WHERE {where} ORDER BY {order} "
                f"LIMIT {PER_PAGE}", params).fetchall()
    total = con.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
    if cls == "faceted":
        con.execute(f"SELECT p.status, count(*) FROM {source} WHERE {where} GROUP BY p.status", params).fetchall()
        con.execute(f"SELECT t.theme, count(*) FROM {source} JOIN rt t ON t.rid = p.rid WHERE {where} "
                    f"GROUP BY t.theme", params).fetchall()
    return total


# --- gfce over HTTP -----------------------------------------------------------------------------

def bench_server(args, data_dir, report):
    print(f"\nserver: starting gfce serve on {data_dir} (builds the search index) …", flush=True)
    proc, base, ready = start(args.bin, data_dir, args.ready_timeout)
    host = urlparse(base)
    try:
        after_start = rss_mib(proc.pid)
        index_dir = os.path.join(data_dir, "search-index")
        report["server"] = {"ready_s": ready, "rss_after_start_mib": after_start,
                            "index_mib": size_mib(index_dir) if os.path.isdir(index_dir) else None}
        print(f"  start to /readyz 200: {ready:.2f} s (migrations, reference data, search index built for "
              f"{args.projects} projects)")
        if report["server"]["index_mib"] is not None:
            print(f"  search index on disk: {report['server']['index_mib']:.1f} MiB")
        print(f"  memory after start: VmRSS {after_start['VmRSS']:.1f} MiB, VmHWM {after_start['VmHWM']:.1f} MiB")

        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        totals = []
        for query in QUERIES:  # warm-up pass, and the totals for the table
            status, body = http_get(conn, api_path(query))
            if status != 200:
                raise SystemExit(f"{api_path(query)}: status {status}: {body[:300]!r}")
            totals.append(json.loads(body)["total"])

        def one(query):
            status, body = http_get(conn, api_path(query))
            if status != 200:
                raise SystemExit(f"{api_path(query)}: status {status}: {body[:300]!r}")

        figures = summarise(measure(one, args.requests))
        conn.close()
        print_latency(f"gfce, HTTP API over keep-alive, 1 client, {args.requests} requests, per_page={PER_PAGE}",
                      figures)
        p99 = figures["all"]["p99"]
        print(f"  goal p99 ≤ 10 ms: {'met' if p99 <= 10 else 'missed'} ({p99:.2f} ms)")

        per_client = args.requests // args.clients
        results, errors, lock = [], [], threading.Lock()
        barrier = threading.Barrier(args.clients + 1)

        def worker(k):
            client = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
            mine = []
            try:
                client.connect()
                barrier.wait()
                offset = k * len(QUERIES) // args.clients
                for i in range(per_client):
                    query = QUERIES[(offset + i) % len(QUERIES)]
                    t = time.perf_counter()
                    status, _ = http_get(client, api_path(query))
                    mine.append(time.perf_counter() - t)
                    if status != 200:
                        raise RuntimeError(f"{api_path(query)}: status {status}")
            except Exception as e:  # reported after the join
                with lock:
                    errors.append(repr(e))
            finally:
                client.close()
                with lock:
                    results.extend(mine)

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.clients)]
        for t in threads:
            t.start()
        barrier.wait()
        t0 = time.perf_counter()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        if errors:
            raise SystemExit(f"under load: {len(errors)} clients failed, e.g. {errors[0]}")
        load = {"clients": args.clients, "requests": len(results), "seconds": elapsed,
                "throughput_rps": len(results) / elapsed, **stats_ms(results)}
        print(f"\nunder load: {args.clients} clients, each its own keep-alive connection, {per_client} requests each "
              f"({len(results)} in all), the same mix")
        print(f"  throughput {load['throughput_rps']:.0f} requests/s; latency p50 {load['p50']:.2f} ms, "
              f"p90 {load['p90']:.2f} ms, p99 {load['p99']:.2f} ms, max {load['max']:.2f} ms")
        print("  (the Python client threads share the same 2 cores as the server and the GIL among themselves)"
              if report["machine"]["cpus"] <= 4 else "  (the Python client threads share the GIL)")

        at_end = rss_mib(proc.pid)
        peak_mb = at_end["VmHWM"] * 1024 * 1024 / 1e6
        print(f"\nmemory at the end: VmRSS {at_end['VmRSS']:.1f} MiB, peak VmHWM {at_end['VmHWM']:.1f} MiB "
              f"({peak_mb:.0f} MB; goal ≤ 300 MB: {'met' if peak_mb <= 300 else 'missed'})")
        report["server"].update({"rss_at_end_mib": at_end, "peak_mb": peak_mb})
        report["gfce"] = {"latency_ms": figures, "load": load}
        return totals
    finally:
        stop(proc)


# --- the other engines --------------------------------------------------------------------------

def bench_engine(name, search, requests):
    totals = [search(query) for query in QUERIES]  # warm-up pass, and the totals for the table
    figures = summarise(measure(search, requests))
    print_latency(f"{name}, in-process, 1 connection, {requests} requests", figures)
    return totals, figures


def bench_fts5(args, work, source, report):
    path = os.path.join(work, "fts5-bench.db")
    print("\nSQLite FTS5: building the bench file …", flush=True)
    t0 = time.perf_counter()
    con = build_fts5(path, source)
    built = time.perf_counter() - t0
    print(f"  built in {built:.1f} s: {size_mib(path):.1f} MiB; tokenizer unicode61 remove_diacritics 2, "
          f"bm25 weights ({FTS5_WEIGHTS}) for title_en, title_vi, summary_en, summary_vi, description_en, "
          f"description_vi")
    print("  note: unicode61 does not fold đ → d, so 'dieu tra' does not find 'điều tra' (gfce and unaccent do)")
    try:
        totals, figures = bench_engine("SQLite FTS5", lambda query: fts5_search(con, query), args.requests)
    finally:
        con.close()
    report["fts5"] = {"build_s": built, "file_mib": size_mib(path), "latency_ms": figures}
    return totals


def bench_postgres(args, source, report):
    if psycopg is None:
        print("\nPostgreSQL: skipped — psycopg is not installed (pip install \"psycopg[binary]\")")
        report["postgres"] = {"skipped": "psycopg not installed"}
        return None
    try:
        admin = psycopg.connect(args.postgres_url, autocommit=True, connect_timeout=5)
    except psycopg.Error as e:
        print(f"\nPostgreSQL: skipped — cannot connect to {redact(args.postgres_url)}: {str(e).strip()}")
        report["postgres"] = {"skipped": f"cannot connect: {str(e).strip()}"}
        return None
    scratch = f"gfce_knowledge_bench_{os.getpid()}"
    try:
        version = admin.execute("SHOW server_version").fetchone()[0]
        buffers = admin.execute("SHOW shared_buffers").fetchone()[0]
        work_mem = admin.execute("SHOW work_mem").fetchone()[0]
        admin.execute(f'CREATE DATABASE "{scratch}"')
        print(f"\nPostgreSQL {version} (shared_buffers {buffers}, work_mem {work_mem}): loading scratch database "
              f"{scratch} …", flush=True)
        con = psycopg.connect(psycopg.conninfo.make_conninfo(args.postgres_url, dbname=scratch), autocommit=True)
        try:
            t0 = time.perf_counter()
            unaccented = build_postgres(con, source)
            built = time.perf_counter() - t0
            size = con.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1024 / 1024
            fold = "unaccent" if unaccented else ""
            print(f"  loaded (COPY), tsvector and GIN index built in {built:.1f} s: database {size:.1f} MiB; "
                  f"configuration 'simple' over "
                  f"{'unaccent()ed text' if unaccented else 'the text as is (unaccent is not available)'}, "
                  f"weights A titles, B summaries, C descriptions; plainto_tsquery, ts_rank")
            if not unaccented:
                print("  note: without unaccent, queries typed without accents do not find accented text")
            totals, figures = bench_engine("PostgreSQL full-text search",
                                           lambda query: postgres_search(con, query, fold), args.requests)
        finally:
            con.close()
        report["postgres"] = {"version": version, "unaccent": unaccented, "build_s": built, "database_mib": size,
                              "latency_ms": figures}
        return totals
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        admin.close()


def redact(url):
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gfce"))
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--postgres-url", default="postgres://gfce:gfce@127.0.0.1:5432/postgres")
    parser.add_argument("--ready-timeout", type=float, default=1800, help="seconds to wait for /readyz")
    parser.add_argument("--json", action="store_true", help="also print a JSON summary at the end")
    args = parser.parse_args()
    # Ends like Ctrl-C, so that the server is stopped, the scratch database dropped and the files removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    report = {"machine": machine(), "projects": args.projects, "requests": args.requests, "binary": args.bin}
    m = report["machine"]
    counts = {c: sum(1 for q in QUERIES if q[0] == c) for c in CLASSES}
    print(f"GFCE Hub knowledge-base benchmark: {args.projects} projects")
    print(f"machine: {m['cpu']}, {m['cpus']} CPUs, {m['memory_gib']} GiB memory, {m['kernel']}; "
          f"Python {m['python']}, SQLite {m['sqlite']}")
    print(f"load average at start: {load_average()}")
    print(f"started {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; binary: {args.bin} (modified "
          f"{time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(os.path.getmtime(args.bin)))})")
    print(f"query mix: {len(QUERIES)} distinct queries ({', '.join(f'{n} {c}' for c, n in counts.items())}), "
          f"run in a fixed order, round and round; one warm-up pass per engine first")

    work = tempfile.mkdtemp(prefix="gfce-knowledge-bench-")
    try:
        demo_dir, data_dir = os.path.join(work, "demo"), os.path.join(work, "data")
        log = os.path.join(work, "gfce.log")
        print(f"\ndata (in {work})", flush=True)
        out, seconds = run_gfce(args.bin, ["demo-data", "--projects", str(args.projects), "--data-dir", demo_dir], log)
        print(f"  demo-data: {seconds:.1f} s — {out.strip().splitlines()[-1] if out.strip() else ''}")
        export = os.path.join(work, "export.json")
        with open(export, "w") as f:
            _, seconds = run_gfce(args.bin, ["export", "--data-dir", demo_dir], log, stdout=f)
        json_mib = size_mib(export)
        print(f"  export: {json_mib:.1f} MiB of JSON in {seconds:.1f} s")
        shutil.rmtree(demo_dir, ignore_errors=True)

        out, seconds = run_gfce(args.bin, ["import", export, "--data-dir", data_dir], log)
        match = re.search(r"imported (\d+) records", out)
        records = int(match.group(1)) if match else 0
        line = next((l for l in out.splitlines() if "imported" in l), out.strip())
        print(f"  import: {seconds:.1f} s, {records / seconds:.0f} records/s "
              f"(goal ≤ 60 s: {'met' if seconds <= 60 else 'missed'}) — {line}")
        source = os.path.join(data_dir, "gfce.db")
        print(f"  database after import: {size_mib(source):.1f} MiB")
        report["data"] = {"json_mib": json_mib, "import_s": seconds, "records": records,
                          "records_per_s": records / seconds, "database_mib": size_mib(source)}

        totals = {"gfce": bench_server(args, data_dir, report)}

        print("\ncomparison: the same project rows and the same query mix, measured in-process from Python —")
        print("no HTTP, no JSON and no snippets there, so the comparison favours them. Each query: the top "
              f"{PER_PAGE} by rank")
        print("with slug and titles, and the total count; faceted queries also count matches per status and per "
              "theme (gfce counts all six facets and makes snippets on every query).")
        totals["fts5"] = bench_fts5(args, work, source, report)
        totals["postgres"] = bench_postgres(args, source, report)

        print(f"\nmatches per query (gfce searches actors, tools and publications too, stems English and allows "
              f"typos in long words;\nthe others search the project rows only, word for word)")
        print(f"  {'class':9} {'query':52} {'gfce':>8} {'FTS5':>8} {'PG':>8}")
        for i, query in enumerate(QUERIES):
            cells = [totals[e][i] if totals.get(e) is not None else "-" for e in ("gfce", "fts5", "postgres")]
            print(f"  {query[0]:9} {describe(query)[:52]:52} {cells[0]:>8} {cells[1]:>8} {cells[2]:>8}")

        columns = (*CLASSES, "all")
        print("\nsummary, 1 client, latency p50 and p99 (ms), and gfce's over the others'")
        print(f"  {'':18}" + "".join(f" {c + ' p50':>12} {c + ' p99':>12}" for c in columns))
        engines = [("gfce (HTTP)", report["gfce"]["latency_ms"]), ("SQLite FTS5", report["fts5"]["latency_ms"])]
        if "latency_ms" in report["postgres"]:
            engines.append(("PostgreSQL", report["postgres"]["latency_ms"]))
        for name, figures in engines:
            print(f"  {name:18}" + "".join(f" {figures[c]['p50']:12.2f} {figures[c]['p99']:12.2f}" for c in columns))
        ratios = {}
        gfce = report["gfce"]["latency_ms"]
        for name, figures in engines[1:]:
            key = "fts5" if "FTS5" in name else "postgres"
            ratios[key] = {c: {"p50": gfce[c]["p50"] / figures[c]["p50"], "p99": gfce[c]["p99"] / figures[c]["p99"]}
                           for c in columns}
            label = "gfce/FTS5" if key == "fts5" else "gfce/PostgreSQL"
            print(f"  {label:18}" + "".join(f" {ratios[key][c]['p50']:11.2f}× {ratios[key][c]['p99']:11.2f}×"
                                            for c in columns))
        print("  (a ratio below 1 means gfce is faster, although its figures include HTTP and JSON)")
        report["ratios_gfce_over"] = ratios
        report["totals"] = [{"query": describe(q), "class": q[0], **{e: (t[i] if t is not None else None)
                                                                     for e, t in totals.items()}}
                            for i, q in enumerate(QUERIES)]
        print(f"\nload average at the end: {load_average()}")
        if args.json:
            print("\nJSON summary:")
            print(json.dumps(report, indent=2, ensure_ascii=False))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
