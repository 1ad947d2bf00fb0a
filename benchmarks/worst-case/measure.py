#!/usr/bin/env python3
"""Uploads each file to a running server on loopback and reports the answer, its time, the server's peak extra
memory (VmRSS sampled every 100 ms) and the latency of searches sent meanwhile on another connection.

    python3 benchmarks/worst-case/measure.py http://127.0.0.1:PORT API_KEY SERVER_PID FILE...

Every loop is bounded: an upload may take at most 120 s (curl --max-time), sampling stops with it.
"""
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse

QUERIES = ["氢能", "北斗 产业", "新能源汽车 补贴", "数字经济", "人才 引进", "专精特新", "碳达峰", "集成电路"]
MAX_SECONDS = 120
BODY = "/tmp/worst-case-upload-body"


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * q))] if xs else float("nan")


class Searcher(threading.Thread):
    """Searches in a loop on one keep-alive connection until stopped (or MAX_SECONDS)."""

    def __init__(self, host, port):
        super().__init__(daemon=True)
        self.host, self.port = host, port
        self.stop = threading.Event()
        self.latencies, self.errors = [], 0

    def run(self):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        deadline = time.monotonic() + MAX_SECONDS
        i = 0
        while not self.stop.is_set() and time.monotonic() < deadline:
            q = urllib.parse.quote(QUERIES[i % len(QUERIES)])
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", f"/api/search?q={q}&page=1")
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    self.errors += 1
            except Exception:
                self.errors += 1
                conn.close()
                conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.latencies.append((time.perf_counter() - start) * 1000)


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stop, self.peak = pid, threading.Event(), 0.0

    def run(self):
        for _ in range(MAX_SECONDS * 10):
            if self.stop.is_set():
                break
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.1)


def curl(args):
    out = subprocess.run(["curl", "-sS", "--max-time", str(MAX_SECONDS)] + args, capture_output=True, text=True)
    return out.stdout


def searches_alone(host, port, seconds=3):
    s = Searcher(host, port)
    s.start()
    time.sleep(seconds)
    s.stop.set()
    s.join()
    return s


def main():
    base, key, pid, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    url = urllib.parse.urlparse(base)
    assert url.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
    rows = []
    for path in files:
        idle = searches_alone(url.hostname, url.port)
        time.sleep(1)
        before = rss_mb(pid)
        sampler, searcher = Sampler(pid), Searcher(url.hostname, url.port)
        sampler.start()
        searcher.start()
        time.sleep(0.3)  # searches already running when the upload starts
        out = curl(["-o", BODY, "-w", "%{http_code} %{time_total}", "-H", f"X-Api-Key: {key}",
                    "-F", f"file=@{path}", f"{base}/api/documents"])
        time.sleep(0.2)
        searcher.stop.set()
        sampler.stop.set()
        searcher.join()
        sampler.join()
        code, seconds = out.split()
        body = open(BODY, encoding="utf-8", errors="replace").read()
        row = {"file": path.rsplit("/", 1)[-1], "bytes": __import__("os").path.getsize(path), "code": int(code),
               "seconds": float(seconds), "rss_before_mb": round(before), "rss_peak_mb": round(sampler.peak),
               "extra_mb": round(sampler.peak - before), "searches": len(searcher.latencies),
               "search_errors": searcher.errors, "p50_ms": round(pct(searcher.latencies, 0.5), 1),
               "p99_ms": round(pct(searcher.latencies, 0.99), 1), "max_ms": round(max(searcher.latencies or [0]), 1),
               "idle_p99_ms": round(pct(idle.latencies, 0.99), 1), "answer": body[:300]}
        if row["code"] in (200, 201):
            doc_id = json.loads(body)["id"]
            # The document view of what was accepted: the first page (with its outline), cold then warm, with the
            # server's peak memory while it is answered.
            view = f"{base}/api/documents/{urllib.parse.quote(doc_id)}?q={urllib.parse.quote('lorem 2021 氢能')}"
            before_view = rss_mb(pid)
            view_sampler = Sampler(pid)
            view_sampler.start()
            for label in ("view_cold", "view_warm"):
                t, size, vcode = curl(["-o", "/dev/null", "-w", "%{time_total} %{size_download} %{http_code}", view]).split()
                row[label] = f"{vcode} {float(t) * 1000:.0f} ms {int(size) / 1024:.0f} KB"
            time.sleep(0.2)
            view_sampler.stop.set()
            view_sampler.join()
            row["view_extra_mb"] = round(max(0.0, view_sampler.peak - before_view))
            curl(["-o", "/dev/null", "-X", "DELETE", "-H", f"X-Api-Key: {key}",
                         f"{base}/api/documents/{urllib.parse.quote(doc_id)}"])
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    print("\n| file | size | answer | time | peak extra memory | search p99 (p50, n) during upload | view (cold; warm; extra memory) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['file']} | {r['bytes'] / 2**20:.1f} MiB | {r['code']} | {r['seconds']:.2f} s | {r['extra_mb']} MB "
              f"({r['rss_before_mb']} → {r['rss_peak_mb']}) | {r['p99_ms']} ms ({r['p50_ms']} ms, {r['searches']}) | "
              + (f"{r['view_cold']}; {r['view_warm']}; {r['view_extra_mb']} MB |" if "view_cold" in r else "— |"))


if __name__ == "__main__":
    main()
