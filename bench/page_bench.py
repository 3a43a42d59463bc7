#!/usr/bin/env python3
"""Measures how GFCE Hub's pages and API answers scale with the size of the knowledge base. For each
size (projects), `gfce demo-data` makes the data (or an existing data directory is reused), `gfce serve`
starts on it (time until /readyz answers 200, which includes building the search index), and then:

  * latency: the main pages and API answers, one client on one keep-alive connection, N requests each
    (rotating over real slugs discovered from the running server's API), median and p99, twice: as an
    anonymous reader gets them (answers the server keeps until the data changes) and computed afresh
    (a cookie on the request makes the server skip what it keeps), after the server has loaded the
    projects' profiles for overlaps;
  * throughput: 16 keep-alive connections (an asyncio load generator with hand-built HTTP/1.1 GETs)
    against the project page (kept and computed), the projects list and the API list, with the client's
    own ceiling measured against /healthz first, so that one can see when the client rather than the
    server is the limit;
  * bytes on the wire: body size as sent with no compression, with `Accept-Encoding: gzip` and with `br`
    (the Content-Encoding the server answers with is reported; nothing is decoded);
  * memory: the server's VmRSS after start, and its peak (VmHWM) before the JSON export and at the end.

Optionally the largest size is run once more on PostgreSQL. Prints Markdown tables per size and a
comparison across sizes at the end; asserts nothing (figures go in docs/PERFORMANCE.md).

    python3 bench/page_bench.py [--bin target/release/gfce] [--sizes 1000,10000,100000]
        [--data-root DIR] [--keep] [--requests 300] [--clients 16] [--duration 10]
        [--postgres-url postgres://USER:PASSWORD@127.0.0.1:5432/postgres] [--json [FILE]]

With --data-root, each size uses DIR/dN (e.g. DIR/d1000); a directory that already holds gfce.db is used
as it is (`gfce serve` writes its search index and WAL into it) and directories in the data root are kept.
Without it, a temporary directory is used and removed at the end (unless --keep). The PostgreSQL run needs
`psql` (or the psycopg module) and a user who may create databases; it makes gfce_pagebench_N, fills it
with demo-data and drops it at the end (unless --keep). Everything else needs only the standard library.

The server is started with --search-rate-limit 0 and --write-rate-limit 0. On a machine with few cores
the client and the server share the CPUs; the throughput table shows how much CPU each used.
"""

import argparse
import array
import asyncio
import gc
import json
import multiprocessing
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote, urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
USER_AGENT = "gfce-page-bench"
ENCODINGS = ("identity", "gzip", "br")
CLK_TCK = os.sysconf("SC_CLK_TCK")
SERVERS = []  # every server process this script started, stopped by PID at the end


# --- HTTP/1.1 on a raw socket ------------------------------------------------------------------------

def build_request(host, path, headers=()):
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", f"User-Agent: {USER_AGENT}", "Accept: */*"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


HEAD, BODY, CHUNKED, TRAILER, UNTIL_CLOSE = range(5)


def header_value(lower_head, name):
    """The value of header `name` (lower case) in a lower-cased response head, or b""."""
    start = lower_head.find(b"\n" + name + b":")
    if start < 0:
        return b""
    start += len(name) + 2
    stop = lower_head.find(b"\r", start)
    return lower_head[start:stop if stop >= 0 else None].strip()


class Parser:
    """An incremental HTTP/1.1 response parser: Content-Length, chunked, or up to the end of the
    connection. Counts the body bytes as received (compressed, if the server compressed them) and keeps
    the body only if asked to."""

    __slots__ = ("keep", "state", "buf", "status", "head", "remaining", "chunk_left", "need_crlf",
                 "body_bytes", "wire_bytes", "body", "close", "chunked")

    def __init__(self, keep=False):
        self.keep = keep
        self.reset()

    def reset(self):
        self.state = HEAD
        self.buf = b""
        self.status = 0
        self.head = b""
        self.remaining = 0
        self.chunk_left = 0
        self.need_crlf = False
        self.body_bytes = 0
        self.wire_bytes = 0
        self.body = [] if self.keep else None
        self.close = False
        self.chunked = False

    def headers(self):
        """The response headers as {lower-case name: value} (the last one wins)."""
        found = {}
        for line in self.head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            found[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
        return found

    def feed(self, data):
        """Takes the next bytes received; returns True once the response is complete."""
        self.wire_bytes += len(data)
        state = self.state
        if state == BODY:
            n = len(data)
            self.body_bytes += n
            if self.keep:
                self.body.append(data)
            self.remaining -= n
            return self.remaining <= 0
        if state == HEAD:
            self.buf += data
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return False
            head, rest = self.buf[:end], self.buf[end + 4:]
            self.buf = b""
            self.head = head
            self.status = int(head[9:12])
            lower = head.lower()
            self.close = header_value(lower, b"connection") == b"close" or head.startswith(b"HTTP/1.0")
            if b"chunked" in header_value(lower, b"transfer-encoding"):
                self.chunked = True
                self.state = CHUNKED
                self.buf = bytearray()
                return self._chunked(rest)
            length = header_value(lower, b"content-length")
            if length:
                self.remaining = int(length)
            elif self.status in (204, 304) or 100 <= self.status < 200:
                self.remaining = 0
            else:
                self.state = UNTIL_CLOSE
                self.close = True
                self._until_close(rest)
                return False
            self.state = BODY
            self.wire_bytes -= len(rest)  # counted again below
            return self.feed(rest) if rest else self.remaining <= 0
        if state in (CHUNKED, TRAILER):
            return self._chunked(data)
        self._until_close(data)
        return False

    def _until_close(self, data):
        self.body_bytes += len(data)
        if self.keep:
            self.body.append(data)

    def _chunked(self, data):
        buf = self.buf
        buf += data
        while True:
            if self.state == TRAILER:  # trailer lines up to an empty one
                end = buf.find(b"\r\n")
                if end < 0:
                    return False
                del buf[:end + 2]
                if end == 0:
                    return True
                continue
            if self.chunk_left:
                take = min(self.chunk_left, len(buf))
                if not take:
                    return False
                self.body_bytes += take
                if self.keep:
                    self.body.append(bytes(buf[:take]))
                del buf[:take]
                self.chunk_left -= take
                if self.chunk_left:
                    return False
                self.need_crlf = True
            if self.need_crlf:
                if len(buf) < 2:
                    return False
                del buf[:2]
                self.need_crlf = False
            end = buf.find(b"\r\n")
            if end < 0:
                return False
            size = int(bytes(buf[:end]).split(b";")[0], 16)
            del buf[:end + 2]
            if size == 0:
                self.state = TRAILER
            else:
                self.chunk_left = size

    def body_bytes_joined(self):
        return b"".join(self.body) if self.body is not None else b""


class Response:
    __slots__ = ("status", "headers", "body", "body_bytes", "wire_bytes", "seconds", "chunked")


class Client:
    """One keep-alive connection, blocking: for discovery, the one-client latencies and the byte counts."""

    def __init__(self, host, port, timeout):
        self.host, self.port, self.timeout = host, port, timeout
        self.hostport = f"{host}:{port}"
        self.sock = None

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def _connect(self):
        self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def get(self, path, headers=(), keep=False, request=None):
        """GETs `path`; returns a Response (the body only if `keep`). Follows no redirects."""
        request = request or build_request(self.hostport, path, headers)
        for attempt in (0, 1):
            fresh = self.sock is None
            if fresh:
                self._connect()
            parser = Parser(keep)
            t0 = time.perf_counter()
            try:
                self.sock.sendall(request)
                while True:
                    data = self.sock.recv(262144)
                    if not data:
                        if parser.state == UNTIL_CLOSE:
                            break
                        raise ConnectionError("the server closed the connection")
                    if parser.feed(data):
                        break
            except (ConnectionError, BrokenPipeError) as e:
                self.close()
                # A kept-alive connection the server had closed: one retry on a new connection.
                if attempt == 0 and not fresh and parser.wire_bytes == 0:
                    continue
                raise ConnectionError(f"GET {path}: {e}") from None
            except socket.timeout:
                self.close()
                raise TimeoutError(f"GET {path}: no complete answer within {self.timeout} s") from None
            seconds = time.perf_counter() - t0
            if parser.close:
                self.close()
            r = Response()
            r.status, r.headers, r.seconds = parser.status, parser.headers(), seconds
            r.body = parser.body_bytes_joined() if keep else None
            r.body_bytes, r.wire_bytes, r.chunked = parser.body_bytes, parser.wire_bytes, parser.chunked
            return r

    def get_json(self, path):
        r = self.get(path, keep=True)
        if r.status != 200:
            raise RuntimeError(f"GET {path}: status {r.status}: {r.body[:300]!r}")
        return json.loads(r.body)


# --- the load generator --------------------------------------------------------------------------------

class _LoadConnection(asyncio.Protocol):
    """One keep-alive connection of a load run: sends the next request as soon as the answer is in."""

    def __init__(self, run, offset):
        self.run, self.i = run, offset
        self.parser = Parser()
        self.transport = None
        self.t0 = 0.0
        self.over = False

    def connection_made(self, transport):
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def fire(self):
        run = self.run
        now = time.perf_counter()
        if now >= run.end_at:
            self.over = True
            self.transport.close()
            run.finished()
            return
        self.t0 = now
        self.transport.write(run.requests[self.i % run.count])
        self.i += 1

    def data_received(self, data):
        parser = self.parser
        if not parser.feed(data):
            return
        now = time.perf_counter()
        run = self.run
        run.latencies.append(now - self.t0)
        run.last = now
        if parser.status != 200:
            run.bad[parser.status] = run.bad.get(parser.status, 0) + 1
        close = parser.close
        parser.reset()
        if close:  # the server will close it: go on over a new connection
            self.over = True
            self.transport.close()
            run.replace(self.i)
            return
        self.fire()

    def connection_lost(self, exc):
        if not self.over:
            self.over = True
            self.run.error(f"connection lost: {exc!r}" if exc else "connection closed by the server")
            self.run.replace(self.i)


class _LoadRun:
    def __init__(self, host, port, requests, start_at, end_at):
        self.host, self.port = host, port
        self.requests, self.count = requests, len(requests)
        self.start_at, self.end_at = start_at, end_at
        self.latencies = array.array("d")
        self.bad, self.errors, self.first_error = {}, 0, None
        self.active, self.last, self.done = 0, start_at, None

    def error(self, text):
        self.errors += 1
        self.first_error = self.first_error or text

    def finished(self):
        self.active -= 1
        if self.active <= 0 and not self.done.done():
            self.done.set_result(None)

    def replace(self, offset):
        """A connection is gone before the end of the run: its slot goes on over a new one."""
        if time.perf_counter() < self.end_at:
            asyncio.get_running_loop().create_task(self._reopen(offset))
        else:
            self.finished()

    async def _reopen(self, offset):
        loop = asyncio.get_running_loop()
        while time.perf_counter() < self.end_at:
            try:
                _, conn = await loop.create_connection(lambda: _LoadConnection(self, offset), self.host, self.port)
                conn.fire()
                return
            except OSError as e:
                self.error(f"cannot connect: {e}")
                await asyncio.sleep(0.01)
        self.finished()

    async def go(self, connections, offset, step, timeout):
        loop = asyncio.get_running_loop()
        self.done = loop.create_future()
        conns = []
        for k in range(connections):
            _, conn = await loop.create_connection(lambda k=k: _LoadConnection(self, offset + k * step),
                                                   self.host, self.port)
            conns.append(conn)
        await asyncio.sleep(max(0.0, self.start_at - time.perf_counter()))
        cpu0 = time.process_time()
        self.active = len(conns)
        for conn in conns:
            conn.fire()
        try:
            await asyncio.wait_for(asyncio.shield(self.done), self.end_at - time.perf_counter() + timeout)
        except asyncio.TimeoutError:
            self.error(f"{self.active} connections had no answer {timeout} s after the end of the run")
        cpu = time.process_time() - cpu0
        for conn in conns:
            conn.over = True
            if conn.transport is not None:
                conn.transport.close()
        return cpu


def _load_worker(host, port, requests, connections, offset, step, start_at, end_at, timeout, pipe):
    gc.disable()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # the parent reports Ctrl-C; this one just ends
    try:
        run = _LoadRun(host, port, requests, start_at, end_at)
        cpu = asyncio.run(run.go(connections, offset, step, timeout))
        result = {"latencies": run.latencies.tobytes(), "bad": run.bad, "errors": run.errors,
                  "first_error": run.first_error, "cpu": cpu, "last": run.last}
    except BaseException as e:  # reported by the parent
        result = {"failed": repr(e)}
    pipe.send(result)
    pipe.close()


def process_cpu_seconds(pid):
    """User plus system CPU time a process has used so far (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def load(host, port, paths, clients, duration, procs, timeout, server_pid, accept_encoding=None, extra=()):
    """`clients` keep-alive connections, spread over `procs` processes, each sending GETs (rotating over
    `paths`, with the `extra` headers) back to back for `duration` seconds. Returns the figures."""
    headers = ([("Accept-Encoding", accept_encoding)] if accept_encoding else []) + list(extra)
    requests = [build_request(f"{host}:{port}", path, headers) for path in paths]
    procs = max(1, min(procs, clients))
    ctx = multiprocessing.get_context("fork")
    start_at = time.perf_counter() + 0.3 + 0.05 * procs
    end_at = start_at + duration
    workers = []
    step = max(1, len(paths) // clients)
    try:
        for p in range(procs):
            mine = clients // procs + (1 if p < clients % procs else 0)
            offset = sum(clients // procs + (1 if q < clients % procs else 0) for q in range(p)) * step
            receive, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_load_worker, daemon=True,
                               args=(host, port, requests, mine, offset, step, start_at, end_at, timeout, send))
            proc.start()
            send.close()
            workers.append((proc, receive))
        time.sleep(max(0.0, start_at - time.perf_counter()))
        server0 = process_cpu_seconds(server_pid)
        results = []
        for proc, receive in workers:
            if not receive.poll(duration + timeout + 30):
                raise RuntimeError("a load process gave no result")
            results.append(receive.recv())
        server_cpu = process_cpu_seconds(server_pid) - server0
    finally:
        for proc, receive in workers:
            receive.close()
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
    failed = [r["failed"] for r in results if "failed" in r]
    if failed:
        raise RuntimeError(f"load process failed: {failed[0]}")
    latencies = array.array("d")
    bad, errors, first_error = {}, 0, None
    for r in results:
        latencies.frombytes(r["latencies"])
        for status, n in r["bad"].items():
            bad[status] = bad.get(status, 0) + n
        errors += r["errors"]
        first_error = first_error or r["first_error"]
    elapsed = max(r["last"] for r in results) - start_at
    figures = {"clients": clients, "processes": procs, "seconds": elapsed, "requests": len(latencies),
               "rps": len(latencies) / elapsed if elapsed > 0 else 0.0,
               "server_cpu_pct": 100 * server_cpu / elapsed if elapsed > 0 else 0.0,
               "client_cpu_pct": 100 * sum(r["cpu"] for r in results) / elapsed if elapsed > 0 else 0.0,
               "non_200": {str(k): v for k, v in bad.items()}, "errors": errors, "first_error": first_error}
    if latencies:
        figures.update(stats_ms(latencies))
    return figures


# --- measuring ---------------------------------------------------------------------------------------------

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def stats_ms(samples):
    s = sorted(samples)
    return {"n": len(s), "p50": pct(s, 50) * 1000, "p90": pct(s, 90) * 1000, "p99": pct(s, 99) * 1000,
            "max": s[-1] * 1000}


def memory_mib(pid):
    """VmRSS and VmHWM (the peak) of a process, in MiB."""
    found = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                found[line.split(":")[0]] = int(line.split()[1]) / 1024
    return found


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
            "kernel": f"{platform.system()} {platform.release()}", "python": platform.python_version()}


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def size_mib(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(folder, name))
            except OSError:
                pass
    return total / 1024 / 1024


def md_table(header, rows, right=None):
    """A Markdown table; columns from index `right` on (default: all but the first) aligned right."""
    right = 1 if right is None else right
    cells = [[str(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("| " + " | ".join(c.rjust(widths[i]) if i >= right else c.ljust(widths[i])
                                       for i, c in enumerate(row)) + " |")
        if k == 0:
            lines.append("|" + "|".join(("-" * (widths[i] + 1) + ":") if i >= right else "-" * (widths[i] + 2)
                                        for i in range(len(header))) + "|")
    return "\n".join(lines)


def redact(url):
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


# --- the server ---------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path, chars=3000):
    try:
        with open(path, errors="replace") as f:
            return strip_ansi(f.read()[-chars:])
    except OSError:
        return ""


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


# Any cookie: the server then computes the answer rather than serve the one kept for anonymous readers.
COMPUTE = [("Cookie", "bench=computed")]


def wait_for_log(log, texts, timeout, proc):
    """Seconds until one of `texts` appears in the server's log (from when this is called), or -1."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout and proc.poll() is None:
        with open(log, "rb") as f:
            written = f.read()
        if any(t.encode() in written for t in texts):
            return time.perf_counter() - t0
        time.sleep(0.2)
    return -1.0


def start_server(binary, data_dir, database_url, log, ready_timeout, request_timeout, extra=()):
    """Starts `gfce serve` on a free port and waits for /readyz 200; returns (process, port, seconds)."""
    port = free_port()
    command = [binary, "serve", "--data-dir", data_dir, "--addr", f"127.0.0.1:{port}",
               "--search-rate-limit", "0", "--write-rate-limit", "0", *extra]
    if database_url:
        command += ["--database-url", database_url]
    t0 = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    SERVERS.append(proc)
    deadline = time.time() + ready_timeout
    client = Client("127.0.0.1", port, timeout=max(2.0, request_timeout))
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gfce serve exited with {proc.returncode}; its log ({log}) ends:\n{tail(log)}")
        try:
            if client.get("/readyz").status == 200:
                client.close()
                return proc, port, time.perf_counter() - t0
        except (OSError, RuntimeError):
            client.close()
        time.sleep(0.05)
    stop_server(proc)
    raise RuntimeError(f"gfce serve was not ready within {ready_timeout} s; its log ({log}) ends:\n{tail(log)}")


def stop_server(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc in SERVERS:
        SERVERS.remove(proc)


def server_log_summary(log, label_of):
    """Counts the warnings and errors in the server's log, and the slow statements per URL label (a URI
    this script did not measure is kept as it is; "(no request)": outside any request)."""
    text = strip_ansi(open(log, errors="replace").read()) if os.path.exists(log) else ""
    slow = {}
    warnings = errors = 0
    for line in text.splitlines():
        if " WARN " in line:
            warnings += 1
        if " ERROR " in line:
            errors += 1
        if "slow statement" in line:
            match = re.search(r"uri=(\S+)", line)
            uri = match.group(1) if match else "(no request)"
            uri = label_of.get(uri) or re.sub(r"([?&]page=)\d+", r"\1K", uri)
            slow[uri] = slow.get(uri, 0) + 1
    return {"warnings": warnings, "errors": errors, "slow_statements": slow}


# --- data ---------------------------------------------------------------------------------------------------

def run_gfce(binary, arguments, log):
    t0 = time.perf_counter()
    with open(log, "ab") as out:
        done = subprocess.run([binary, *arguments], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"gfce {' '.join(redact(a) for a in arguments)} failed ({done.returncode}); "
                           f"its log ({log}) ends:\n{tail(log)}")
    return seconds


def sqlite_data(args, root, n, logs):
    """DIR/dN with a demo-data database of n projects: made unless it is there already."""
    data_dir = os.path.join(root, f"d{n}")
    if os.path.isfile(os.path.join(data_dir, "gfce.db")):
        print(f"data: reusing {data_dir} ({size_mib(data_dir):.0f} MiB)", flush=True)
        return data_dir, {"dir": data_dir, "made": False, "mib": size_mib(data_dir)}
    # Made under another name and renamed when complete, so that an interrupted run leaves nothing to reuse.
    if os.path.isdir(data_dir):
        if os.listdir(data_dir):
            raise RuntimeError(f"{data_dir} exists but holds no gfce.db; remove it or use another --data-root")
        os.rmdir(data_dir)
    partial = data_dir + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    print(f"data: gfce demo-data --projects {n} --data-dir {data_dir} …", flush=True)
    seconds = run_gfce(args.bin, ["demo-data", "--projects", str(n), "--data-dir", partial],
                       os.path.join(logs, f"demo-data-{n}.log"))
    os.rename(partial, data_dir)
    print(f"  made in {seconds:.1f} s ({size_mib(data_dir):.0f} MiB)", flush=True)
    return data_dir, {"dir": data_dir, "made": True, "demo_data_s": seconds, "mib": size_mib(data_dir)}


def postgres_admin(url, sql):
    """Runs one statement on the administration database of `url` with psql, or psycopg if there is no psql."""
    if shutil.which("psql"):
        done = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"psql: {done.stderr.strip()}")
        return
    try:
        import psycopg  # noqa: PLC0415 (optional)
    except ImportError:
        raise RuntimeError("the PostgreSQL run needs psql (apt-get install postgresql-client) or the psycopg "
                           "module (pip install \"psycopg[binary]\")") from None
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as con:
        con.execute(sql)


def postgres_data(args, url, n, work, logs):
    """A fresh database gfce_pagebench_N filled by demo-data; returns (its URL, data dir, data report)."""
    name = f"gfce_pagebench_{n}"
    parsed = urlparse(url)
    db_url = parsed._replace(path="/" + quote(name)).geturl()
    try:
        postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(url, f'CREATE DATABASE "{name}"')
    except RuntimeError as e:
        raise RuntimeError(f"cannot make database {name} through {redact(url)}: {e}\n"
                           "--postgres-url must reach an administration database (e.g. /postgres) as a user "
                           "with CREATEDB (ALTER ROLE … CREATEDB)") from None
    data_dir = tempfile.mkdtemp(prefix=f"pg{n}-", dir=work)
    print(f"data: gfce demo-data --projects {n} --database-url {redact(db_url)} …", flush=True)
    seconds = run_gfce(args.bin, ["demo-data", "--projects", str(n), "--database-url", db_url,
                                  "--data-dir", data_dir], os.path.join(logs, f"demo-data-pg-{n}.log"))
    print(f"  made in {seconds:.1f} s", flush=True)
    return db_url, name, data_dir, {"dir": data_dir, "database": name, "made": True, "demo_data_s": seconds}


# --- discovering URLs -------------------------------------------------------------------------------------

def api_pages(client, path, per_page=500, limit=5000):
    """All items of an API list (up to `limit`)."""
    items, page = [], 1
    while len(items) < limit:
        sep = "&" if "?" in path else "?"
        answer = client.get_json(f"{path}{sep}per_page={per_page}&page={page}")
        items += answer["items"]
        if not answer["items"] or len(items) >= answer.get("total", 0):
            break
        page += 1
    return items


def discover(client, max_slugs):
    """Real slugs and ids from the running server's API."""
    found = {}
    spec = client.get_json("/api/openapi.json")
    paths = spec.get("paths", {})
    exports = [p for p, ops in paths.items() if "export" in p and "{" not in p and "get" in ops]
    found["export"] = exports[0] if exports else None

    total = client.get_json("/api/v1/projects?per_page=1")["total"]
    found["projects_total"] = total
    pages = max(1, -(-total // 100))
    wanted = max(1, min(pages, -(-max_slugs // 100)))
    picks = sorted({1 + round(i * (pages - 1) / max(1, wanted - 1)) for i in range(wanted)})
    projects = []
    for page in picks:
        projects += client.get_json(f"/api/v1/projects?per_page=100&page={page}")["items"]
    projects = projects[:max_slugs]
    found["project_pages"] = picks
    found["projects"] = [(p["slug"], p.get("html", {}).get("en") or f"/en/projects/{p['slug']}") for p in projects]

    themes = {}
    countries = {}
    actors_seen = {}
    for p in projects:
        for t in p.get("themes", []):
            themes[t] = themes.get(t, 0) + 1
        for c in p.get("countries", []):
            countries[c] = countries.get(c, 0) + 1
        for a in p.get("participants", []):
            actors_seen[a["actor"]] = actors_seen.get(a["actor"], 0) + 1
    known_themes = {t["id"] for t in client.get_json("/api/v1/themes?per_page=500")["items"]}
    ranked = [t for t in sorted(themes, key=themes.get, reverse=True) if t in known_themes]
    found["theme"] = ranked[0] if ranked else (sorted(known_themes)[0] if known_themes else None)

    country = "VN"
    if client.get(f"/api/v1/countries/{country}").status != 200 and countries:
        country = max(countries, key=countries.get)
    found["country"] = country

    # The big actor: among actors with their own page (/en/actors/…, not members), the one most often
    # named in the sampled projects, checked by the API's count.
    directory = {a["slug"]: a.get("html", {}).get("en", "") for a in api_pages(client, "/api/v1/actors")}
    candidates = [a for a in sorted(actors_seen, key=actors_seen.get, reverse=True)
                  if directory.get(a, "").startswith("/en/actors/")][:3]
    if not candidates:
        candidates = [a for a, link in directory.items() if link.startswith("/en/actors/")][:3]
    counted = [(client.get_json(f"/api/v1/projects?actor={quote(a)}&per_page=1")["total"], a) for a in candidates]
    if counted:
        projects_of, actor = max(counted)
        found["actor"], found["actor_link"], found["actor_projects"] = actor, directory[actor], projects_of
    else:
        found["actor"] = found["actor_link"] = None
        found["actor_projects"] = 0

    for kind in ("members", "events", "tools", "publications"):
        items = api_pages(client, f"/api/v1/{kind}")
        found[kind] = [(i["slug"], i.get("html", {}).get("en") or f"/en/{kind}/{i['slug']}") for i in items]
    return found


def url_set(found):
    """(label, [paths]) in the order they are measured; a label with {…} rotates over its paths."""
    project_pages = [link for _, link in found["projects"]]
    urls = [
        ("/en/", ["/en/"]),
        ("/en/projects", ["/en/projects"]),
        ("/en/projects?page=50", ["/en/projects?page=50"]),
        (f"/en/projects?country={found['country']}", [f"/en/projects?country={found['country']}"]),
        ("/en/projects?theme={theme}", [f"/en/projects?theme={quote(found['theme'])}"] if found["theme"] else []),
        ("/en/projects/{slug}", project_pages),
        ("/api/v1/projects?per_page=20", ["/api/v1/projects?per_page=20"]),
        ("/api/v1/projects/{slug}", [f"/api/v1/projects/{slug}" for slug, _ in found["projects"]]),
        ("/en/countries", ["/en/countries"]),
        (f"/en/countries/{found['country']}", [f"/en/countries/{found['country']}"]),
        ("/en/actors/{actor}", [found["actor_link"]] if found["actor_link"] else []),
        ("/en/members", ["/en/members"]),
        ("/en/members/{slug}", [link for _, link in found["members"]]),
        ("/en/events", ["/en/events"]),
        ("/en/events/{slug}", [link for _, link in found["events"]]),
        ("/en/tools", ["/en/tools"]),
        ("/en/tools/{slug}", [link for _, link in found["tools"]]),
        ("/en/publications", ["/en/publications"]),
        ("/en/publications/{slug}", [link for _, link in found["publications"]]),
        ("/api/v1/search?q=training", ["/api/v1/search?q=training"]),
    ]
    return urls


# --- one size on one database ------------------------------------------------------------------------------

def measure_latency(client, label, paths, count, budget, problems, headers):
    """One warm-up GET, then `count` GETs (rotating over `paths`), one at a time, at most `budget` seconds."""
    host = f"{client.host}:{client.port}"
    requests = [build_request(host, p, headers) for p in paths]
    first = client.get(paths[0], request=requests[0])
    if first.status != 200:
        where = f" → {first.headers.get('location')}" if first.headers.get("location") else ""
        problems.append(f"{label}: GET {paths[0]} answered {first.status}{where}")
        return {"status": first.status, "location": first.headers.get("location"), "path": paths[0]}
    samples, sizes, bad = [], 0, {}
    t_end = time.perf_counter() + budget
    for i in range(count):
        k = (i + 1) % len(paths)
        r = client.get(paths[k], request=requests[k])
        samples.append(r.seconds)
        sizes += r.body_bytes
        if r.status != 200:
            if not bad:
                where = f" → {r.headers.get('location')}" if r.headers.get("location") else ""
                problems.append(f"{label}: GET {paths[k]} answered {r.status}{where}")
            bad[r.status] = bad.get(r.status, 0) + 1
        if time.perf_counter() > t_end and i >= 9:
            break
    figures = {"status": 200, **stats_ms(samples), "paths": len(paths), "mean_bytes": sizes / len(samples),
               "non_200": {str(k): v for k, v in bad.items()}}
    if len(samples) < count:
        figures["budget_hit"] = True
        problems.append(f"{label}: only {len(samples)} of {count} requests within the {budget:.0f} s budget "
                        f"(p50 {figures['p50']:.0f} ms)")
    return figures


def bench_one(args, name, n, data_dir, database_url, logs, report_data):
    """Starts the server on one data set, measures it, stops it; returns the run's report."""
    run = {"name": name, "projects": n, "database": "PostgreSQL" if database_url else "SQLite", "data": report_data}
    problems = []
    run["problems"] = problems
    log = os.path.join(logs, f"serve-{n}{'-pg' if database_url else ''}.log")
    print(f"server: gfce serve --data-dir {data_dir}" + (f" --database-url {redact(database_url)}" if database_url
                                                         else "") + " …", flush=True)
    label_of = {}  # measured path → its URL label, for the server log summary
    index_on_disk = os.path.isdir(os.path.join(data_dir, "search-index"))
    proc, port, ready = start_server(args.bin, data_dir, database_url, log, args.ready_timeout, args.timeout,
                                     args.serve_arg)
    try:
        run["ready_s"], run["index_on_disk_at_start"] = ready, index_on_disk
        # A rebuilt index made them on its way; one caught up loads them in the background.
        run["profiles_s"] = wait_for_log(log, ("project profiles loaded", "search index rebuilt"), args.ready_timeout,
                                         proc)
        memory = {"after start": memory_mib(proc.pid)}
        print(f"  project profiles for overlaps loaded after {run['profiles_s']:.2f} s", flush=True)
        print(f"  /readyz 200 after {ready:.2f} s (pid {proc.pid}, port {port}; "
              f"{'search index already on disk: warm start' if index_on_disk else 'search index built at start'})",
              flush=True)
        client = Client("127.0.0.1", port, args.timeout)
        found = discover(client, args.slugs)
        run["discovered"] = {k: v for k, v in found.items() if k not in ("projects", "members", "events", "tools",
                                                                         "publications")}
        run["discovered"].update({f"{k}_count": len(found[k]) for k in ("projects", "members", "events", "tools",
                                                                        "publications")})
        if found["projects_total"] != n:
            print(f"  note: the server has {found['projects_total']} projects, not {n}")
        print(f"  discovered: {len(found['projects'])} project slugs (API pages {found['project_pages']} of 100), "
              f"theme {found['theme']}, country {found['country']}, actor {found['actor']} "
              f"({found['actor_projects']} projects), {len(found['members'])} members, {len(found['events'])} "
              f"events, {len(found['tools'])} tools, {len(found['publications'])} publications, export "
              f"{found['export']}", flush=True)

        label_of.update({path: label for label, paths in url_set(found) for path in paths})
        headers = [("Accept-Encoding", args.accept_encoding)] if args.accept_encoding else []
        latency = {}
        for label, paths in url_set(found):
            if not paths:
                problems.append(f"{label}: nothing to request (none found)")
                continue
            try:
                latency[label] = measure_latency(client, label, paths, args.requests, args.url_budget, problems,
                                                 headers)
            except (OSError, RuntimeError) as e:
                problems.append(f"{label}: {e}")
                latency[label] = {"status": None, "error": str(e)}
                client.close()
        run["latency"] = latency
        # A cookie makes the server compute every answer afresh instead of serving the one it keeps
        # for anonymous readers: what the first reader after a change waits, and a signed-in one always.
        computed = {}
        for label, paths in url_set(found):
            if not paths:
                continue
            try:
                computed[label] = measure_latency(client, label + " (computed)", paths, args.requests,
                                                  args.url_budget, problems, headers + COMPUTE)
            except (OSError, RuntimeError) as e:
                problems.append(f"{label} (computed): {e}")
                computed[label] = {"status": None, "error": str(e)}
                client.close()
        run["latency_computed"] = computed

        print(f"\n### {name} projects ({run['database']}): latency, 1 client, keep-alive, {args.requests} "
              f"requests each; kept = as an anonymous reader gets it, computed = made afresh (with a cookie)\n")
        rows = []
        for label, f in latency.items():
            if f.get("status") != 200:
                what = f.get("error") or (f"status {f['status']}"
                                          + (f" → {f['location']}" if f.get("location") else ""))
                rows.append([label, "-", "ERROR", what, "", "", "", "", ""])
                continue
            c = computed.get(label, {})
            flag = " (budget)" if f.get("budget_hit") or c.get("budget_hit") else ""
            bad = f"; non-200: {f['non_200']}" if f["non_200"] else ""
            cp50, cp99 = (f"{c['p50']:.2f}", f"{c['p99']:.2f}") if c.get("status") == 200 else ("-", "-")
            rows.append([label, f"{f['n']}{flag}", f"{f['p50']:.2f}", f"{f['p99']:.2f}", cp50, cp99, f"{f['max']:.2f}",
                         f"{f['mean_bytes'] / 1024:.1f}{bad}", f["paths"]])
        print(md_table(["URL", "n", "kept p50 ms", "kept p99 ms", "computed p50 ms", "computed p99 ms", "max ms",
                        "body KiB", "distinct"], rows))

        throughput = {}
        project_pages = [link for _, link in found["projects"]]
        targets = [("/healthz (client ceiling)", ["/healthz"]), ("/en/projects/{slug}", project_pages),
                   ("/en/projects", ["/en/projects"]), ("/api/v1/projects?per_page=20",
                                                        ["/api/v1/projects?per_page=20"])]
        targets.append(("/en/projects/{slug} (computed)", project_pages))
        for label, paths in targets:
            print(f"  throughput: {label} for {args.duration:g} s …", flush=True)
            try:
                throughput[label] = load("127.0.0.1", port, paths, args.clients, args.duration, args.client_procs,
                                         args.timeout, proc.pid, args.accept_encoding,
                                         COMPUTE if label.endswith("(computed)") else ())
            except (OSError, RuntimeError) as e:
                problems.append(f"throughput {label}: {e}")
                throughput[label] = {"error": str(e)}
            t = throughput[label]
            if t.get("non_200"):
                problems.append(f"throughput {label}: non-200 answers {t['non_200']}")
            if t.get("errors"):
                problems.append(f"throughput {label}: {t['errors']} connection errors, e.g. {t['first_error']}")
        run["throughput"] = throughput
        print(f"\n### {name} projects ({run['database']}): throughput, {args.clients} keep-alive connections, "
              f"{args.duration:g} s each, client in {args.client_procs} process(es)\n")
        rows = []
        for label, t in throughput.items():
            if "error" in t:
                rows.append([label, "ERROR", t["error"], "", "", "", ""])
                continue
            rows.append([label, f"{t['rps']:.0f}", f"{t.get('p50', 0):.2f}", f"{t.get('p99', 0):.2f}",
                         f"{t['server_cpu_pct']:.0f}", f"{t['client_cpu_pct']:.0f}",
                         t["errors"] + sum(t["non_200"].values())])
        print(md_table(["URL", "req/s", "p50 ms", "p99 ms", "server CPU %", "client CPU %", "errors"], rows))
        ceiling = throughput.get("/healthz (client ceiling)", {})
        if "rps" in ceiling:
            print(f"\n(client ceiling: {ceiling['rps']:.0f} req/s against /healthz, where the server does almost "
                  f"nothing; a page that gets close to it is limited by the client. CPU % is of one core; "
                  f"{os.cpu_count()} cores here"
                  + ("; server CPU is gfce's own, PostgreSQL's processes not counted" if database_url else "") + ".)")

        byte_targets = [("/en/projects/{slug}", project_pages[0]), ("/en/projects", "/en/projects"),
                        ("/api/v1/projects?per_page=100", "/api/v1/projects?per_page=100"),
                        (f"/en/countries/{found['country']}", f"/en/countries/{found['country']}")]
        if found["export"]:
            byte_targets.append((found["export"], found["export"]))
        wire = {}
        for label, path in byte_targets:
            if label == found["export"]:
                memory["before export"] = memory_mib(proc.pid)
            row = {}
            for encoding in ENCODINGS:
                try:
                    r = client.get(path, headers=[("Accept-Encoding", encoding)])
                except (OSError, RuntimeError) as e:
                    problems.append(f"bytes {label} ({encoding}): {e}")
                    client.close()
                    row[encoding] = {"error": str(e)}
                    continue
                row[encoding] = {"status": r.status, "body_bytes": r.body_bytes, "wire_bytes": r.wire_bytes,
                                 "content_encoding": r.headers.get("content-encoding"),
                                 "framing": "chunked" if r.chunked else "content-length", "seconds": r.seconds}
                if r.status != 200:
                    problems.append(f"bytes {label} ({encoding}): status {r.status}")
            wire[label] = row
        run["bytes"] = wire
        print(f"\n### {name} projects ({run['database']}): bytes of the body on the wire (Content-Encoding answered)\n")
        rows = []
        for label, row in wire.items():
            cells = []
            for encoding in ENCODINGS:
                b = row[encoding]
                if "error" in b:
                    cells.append("ERROR")
                else:
                    cells.append(f"{b['body_bytes']:,} ({b['content_encoding'] or 'none'})" if b["status"] == 200
                                 else f"status {b['status']}")
            ident, gz = row["identity"], row["gzip"]
            saved = (f"{100 * (1 - gz['body_bytes'] / ident['body_bytes']):.0f} %"
                     if ident.get("status") == 200 and gz.get("status") == 200 and ident["body_bytes"] else "-")
            took = f"{ident['seconds'] * 1000:.1f}" if "seconds" in ident else "-"
            rows.append([label, *cells, saved, took])
        print(md_table(["URL", "identity", "gzip", "br", "gzip saves", "identity ms"], rows))

        memory["at end"] = memory_mib(proc.pid)
        run["memory_mib"] = memory
        print(f"\n### {name} projects ({run['database']}): server memory\n")
        print(md_table(["moment", "VmRSS MiB", "VmHWM (peak) MiB"],
                       [[k, f"{v['VmRSS']:.1f}", f"{v['VmHWM']:.1f}"] for k, v in memory.items()]))
        client.close()
    finally:
        stop_server(proc)
    run["server_log"] = server_log_summary(log, label_of)
    slow = run["server_log"]["slow_statements"]
    print(f"\nserver log ({log}): {run['server_log']['warnings']} warnings, {run['server_log']['errors']} errors"
          + (f"; slow statements (> the server's threshold) by URI: "
             + ", ".join(f"{u} ×{c}" for u, c in sorted(slow.items(), key=lambda x: -x[1])) if slow else ""))
    if problems:
        print("\nproblems:\n" + "\n".join(f"- {p}" for p in problems))
    return run


# --- main ----------------------------------------------------------------------------------------------------

def comparison(runs):
    """URL | p50 at each run | largest/smallest (SQLite runs) — and the same for throughput and memory."""
    sqlite = [r for r in runs if r["database"] == "SQLite"]
    labels = []
    for r in runs:
        for label in r.get("latency", {}):
            if label not in labels:
                labels.append(label)
    names = [r["name"] for r in runs]
    ratio_head = (f"{sqlite[-1]['name']}/{sqlite[0]['name']}" if len(sqlite) > 1 else "ratio")
    out = {"latency_p50_ms": {}, "throughput_rps": {}, "peak_mib": {}}

    def ratio(values):
        if len(sqlite) < 2:
            return "-"
        a, b = values.get(sqlite[0]["name"]), values.get(sqlite[-1]["name"])
        return f"{b / a:.1f}×" if a and b else "-"

    rows = []
    for label in labels:
        values = {r["name"]: r["latency"][label].get("p50") for r in runs if label in r.get("latency", {})}
        out["latency_p50_ms"][label] = values
        rows.append([label, *[f"{values[n]:.2f}" if values.get(n) is not None else "-" for n in names],
                     ratio(values)])
    print("\n## Comparison: p50 ms, one client, as an anonymous reader gets it\n")
    print(md_table(["URL", *names, ratio_head], rows))
    rows = []
    out["latency_computed_p50_ms"] = {}
    for label in labels:
        values = {r["name"]: r["latency_computed"][label].get("p50") for r in runs
                  if label in r.get("latency_computed", {})}
        out["latency_computed_p50_ms"][label] = values
        rows.append([label, *[f"{values[n]:.2f}" if values.get(n) is not None else "-" for n in names],
                     ratio(values)])
    print("\n## Comparison: p50 ms, one client, computed afresh\n")
    print(md_table(["URL", *names, ratio_head], rows))

    rows = []
    tlabels = []
    for r in runs:
        for label in r.get("throughput", {}):
            if label not in tlabels:
                tlabels.append(label)
    for label in tlabels:
        values = {r["name"]: r["throughput"][label].get("rps") for r in runs if label in r.get("throughput", {})}
        out["throughput_rps"][label] = values
        rows.append([label, *[f"{values[n]:.0f}" if values.get(n) is not None else "-" for n in names], ratio(values)])
    print("\n## Comparison: requests/s, 16 connections\n")
    print(md_table(["URL", *names, ratio_head], rows))

    values = {r["name"]: r.get("memory_mib", {}).get("at end", {}).get("VmHWM") for r in runs}
    before = {r["name"]: r.get("memory_mib", {}).get("before export", {}).get("VmHWM") for r in runs}
    start = {r["name"]: r.get("memory_mib", {}).get("after start", {}).get("VmRSS") for r in runs}
    ready = {r["name"]: r.get("ready_s") for r in runs}
    warm = {r["name"]: r.get("index_on_disk_at_start") for r in runs}
    out["peak_mib"] = values
    print("\n## Comparison: server\n")
    print(md_table(["", *names, ratio_head], [
        ["start to /readyz s", *[f"{ready[n]:.2f}" + ("" if not warm.get(n) else " (warm)") if ready.get(n) else "-"
                                 for n in names], ratio(ready)],
        ["VmRSS after start MiB", *[f"{start[n]:.0f}" if start.get(n) else "-" for n in names], ratio(start)],
        ["VmHWM before export MiB", *[f"{before[n]:.0f}" if before.get(n) else "-" for n in names], ratio(before)],
        ["VmHWM at end MiB", *[f"{values[n]:.0f}" if values.get(n) else "-" for n in names], ratio(values)],
    ]))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gfce"),
                        help="the gfce binary; copy it elsewhere if it may be rebuilt during the run (default: "
                        "target/release/gfce in the repository)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="numbers of projects, comma-separated (default: %(default)s)")
    parser.add_argument("--data-root", help="keep and reuse data directories here (DIR/d1000, …); a directory "
                        "that already holds gfce.db is not made again. Default: a temporary directory")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data, logs and PostgreSQL database")
    parser.add_argument("--postgres-url", help="also run the largest size on PostgreSQL; an administration "
                        "database URL, e.g. postgres://USER:PASSWORD@127.0.0.1:5432/postgres, of a user "
                        "with CREATEDB")
    parser.add_argument("--requests", type=int, default=300, help="requests per URL, one client (default: %(default)s)")
    parser.add_argument("--url-budget", type=float, default=60,
                        help="seconds at most per URL in the one-client pass; at least 10 requests are made "
                        "(default: %(default)s)")
    parser.add_argument("--clients", type=int, default=16,
                        help="keep-alive connections in the throughput runs (default: %(default)s)")
    parser.add_argument("--client-procs", type=int, default=1,
                        help="processes the throughput client runs in, each an asyncio loop (default: %(default)s)")
    parser.add_argument("--duration", type=float, default=10, help="seconds per throughput run (default: %(default)s)")
    parser.add_argument("--slugs", type=int, default=500, help="project slugs to rotate over, taken from pages of 100 "
                        "of the API list spread over all of it (default: %(default)s)")
    parser.add_argument("--accept-encoding", help="send this Accept-Encoding in the latency and throughput "
                        "runs (default: none, i.e. identity)")
    parser.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                        help="one more argument for gfce serve, e.g. --serve-arg=--request-timeout=120 "
                        "(repeatable; the server's defaults are used otherwise)")
    parser.add_argument("--ready-timeout", type=float, default=600,
                        help="seconds to wait for /readyz (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds the client waits for one answer (default: %(default)s)")
    parser.add_argument("--json", nargs="?", const="-", metavar="FILE",
                        help="also write everything as JSON, to FILE or (without one) to standard output")
    args = parser.parse_args()
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes numbers separated by commas")
    if not sizes:
        parser.error("--sizes is empty")
    args.bin = os.path.abspath(args.bin)
    if not os.access(args.bin, os.X_OK):
        parser.error(f"{args.bin} is not an executable (build it with cargo build --release, or give --bin)")
    # Ends like Ctrl-C, so that the servers are stopped and the temporary data removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    m = machine()
    report = {"machine": m, "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "binary": args.bin,
              "settings": {k: v for k, v in vars(args).items() if k not in ("postgres_url", "json")}, "runs": []}
    print(f"# GFCE Hub page benchmark: {', '.join(f'{n:,}' for n in sizes)} projects"
          + (" (+ PostgreSQL at the largest)" if args.postgres_url else ""))
    print(f"machine: {m['cpu']}, {m['cpus']} CPUs, {m['memory_gib']} GiB memory, {m['kernel']}; Python {m['python']}")
    print(f"load average at start: {load_average()}")
    print(f"started {report['started']}; binary {args.bin} (modified "
          f"{time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(os.path.getmtime(args.bin)))})")

    temporary = args.data_root is None
    root = tempfile.mkdtemp(prefix="gfce-page-bench-") if temporary else os.path.abspath(args.data_root)
    os.makedirs(root, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gfce-page-bench-work-")
    logs = os.path.join(work if temporary else root, "logs")  # kept with the data root
    os.makedirs(logs, exist_ok=True)
    pg_database = None
    status = 0
    try:
        for n in sizes:
            print(f"\n## {n:,} projects, SQLite\n", flush=True)
            data_dir, data = sqlite_data(args, root, n, logs)
            report["runs"].append(bench_one(args, f"{n:,}", n, data_dir, None, logs, data))
            if temporary and not args.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
        if args.postgres_url:
            n = max(sizes)
            print(f"\n## {n:,} projects, PostgreSQL\n", flush=True)
            try:
                db_url, pg_database, data_dir, data = postgres_data(args, args.postgres_url, n, work, logs)
                report["runs"].append(bench_one(args, f"{n:,} PG", n, data_dir, db_url, logs, data))
            except RuntimeError as e:
                print(f"PostgreSQL run skipped: {e}")
                report["postgres_error"] = str(e)
        report["comparison"] = comparison(report["runs"])
        problems = [f"{r['name']}: {p}" for r in report["runs"] for p in r["problems"]]
        if problems:
            print("\n## Problems\n\n" + "\n".join(f"- {p}" for p in problems))
        print(f"\nload average at the end: {load_average()}")
        if args.json:
            text = json.dumps(report, indent=2, ensure_ascii=False)
            if args.json == "-":
                print("\nJSON:\n" + text)
            else:
                with open(args.json, "w") as f:
                    f.write(text + "\n")
                print(f"JSON written to {args.json}")
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        status = 130
    except RuntimeError as e:
        print(f"\nerror: {e}", file=sys.stderr)
        status = 1
    finally:
        for proc in list(SERVERS):
            stop_server(proc)
        if pg_database and not args.keep:
            try:
                postgres_admin(args.postgres_url, f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)')
            except RuntimeError as e:
                print(f"could not drop database {pg_database}: {e}", file=sys.stderr)
        if args.keep:
            kept = [f"data and logs in {root}"]
            kept += [f"PostgreSQL data directories in {work}"] if args.postgres_url else []
            kept += [f"database {pg_database}"] if pg_database else []
            print("kept: " + ", ".join(kept))
        else:
            if temporary:
                shutil.rmtree(root, ignore_errors=True)
            else:
                print(f"kept: data and logs in {root} (the data root)")
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
