#!/usr/bin/env python3
"""Server benchmarks for issue budgets; prints a Markdown table (not a timed test).

  scripts/bench-server.py [--server build/native/bin/skyloom-server] [--duration 10]

Starts skyloom-server on a free loopback port with a temporary data dir seeded with 10 000
posts, then measures with wrk (a separate process) and a paced login driver:
  1. feed page GET (20 posts) alone, first page and random-depth pages
  2. login latency and throughput (argon2id m=19 MiB, t=2) at concurrency 4
  3. feed page GET while 20 logins/s run beside it
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, threading, time
import http.client

FEED_PATH = "/api/v1/posts?limit=20"
DEMO_PASSWORD = "skyloom-demo-2026"
BUDGET_RPS, BUDGET_P99_MS = 20000, 10.0


def start_server(binary, data_dir):
    proc = subprocess.Popen([binary, "--port", "0", "--data", data_dir, "--demo", "--demo-posts", "10000"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline().strip()
    m = re.match(r"listening on http://([\d.]+):(\d+)", line)
    if not m:
        proc.kill()
        sys.exit(f"server did not start: {line!r}")
    return proc, m.group(1), int(m.group(2))


def wrk(host, port, duration, connections=32, threads=1, script=None):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [f"http://{host}:{port}{FEED_PATH}"], capture_output=True, text=True, check=True).stdout
    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    return {"rps": rps, "p50": ms("50%"), "p99": ms("99%"), "errors": errors}


def login_once(host, port):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    body = json.dumps({"username": "ada", "password": DEMO_PASSWORD})
    t0 = time.perf_counter()
    conn.request("POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return (time.perf_counter() - t0) * 1000, resp.status


def login_burst(host, port, duration, concurrency=4):
    latencies, statuses, lock = [], [], threading.Lock()
    deadline = time.monotonic() + duration
    def worker():
        while time.monotonic() < deadline:
            ms, status = login_once(host, port)
            with lock:
                latencies.append(ms)
                statuses.append(status)
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.monotonic() - t0
    return summarize(latencies, statuses, elapsed)


def paced_logins(host, port, per_second, stop, results):
    """Starts one login every 1/per_second s (each on its own thread, so a slow one never delays the pace)."""
    interval = 1.0 / per_second
    next_at = time.monotonic()
    workers = []
    def one():
        ms, status = login_once(host, port)
        results.append((ms, status))
    while not stop.is_set():
        workers.append(threading.Thread(target=one)); workers[-1].start()
        next_at += interval
        time.sleep(max(0.0, next_at - time.monotonic()))
    for w in workers: w.join()


def summarize(latencies, statuses, elapsed):
    latencies = sorted(latencies)
    pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
    return {"count": len(latencies), "per_s": len(latencies) / elapsed if elapsed else 0,
            "p50": pct(0.50), "p99": pct(0.99), "errors": sum(1 for s in statuses if s != 200)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", default="build/native/bin/skyloom-server")
    ap.add_argument("--duration", type=int, default=10)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run scripts/setup")
    data_dir = tempfile.mkdtemp(prefix="skyloom-bench-")
    proc, host, port = start_server(args.server, data_dir)
    try:
        wrk(host, port, 2)  # warm-up: connections, page cache, SQLite statements
        feed = wrk(host, port, args.duration)
        deep = wrk(host, port, args.duration, script=os.path.join(os.path.dirname(__file__), "wrk-random-cursor.lua"))
        login = login_burst(host, port, args.duration)
        stop, results = threading.Event(), []
        driver = threading.Thread(target=paced_logins, args=(host, port, 20, stop, results))
        t0 = time.monotonic()
        driver.start()
        mixed = wrk(host, port, args.duration)
        stop.set(); driver.join()
        mixed_logins = summarize([r[0] for r in results], [r[1] for r in results], time.monotonic() - t0)
    finally:
        proc.terminate(); proc.wait()
        shutil.rmtree(data_dir, ignore_errors=True)

    ok = lambda cond: "yes" if cond else "NO"
    print(f"\nSkyloom server benchmark — {os.cpu_count()} cores, loopback, 10 000 posts, wrk -t1 -c32 -d{args.duration}s, {time.strftime('%Y-%m-%d')}\n")
    print("| scenario | req/s | p50 ms | p99 ms | errors | budget | within |")
    print("|---|---:|---:|---:|---:|---|---|")
    print(f"| feed page GET (20 posts) | {feed['rps']:.0f} | {feed['p50']:.2f} | {feed['p99']:.2f} | {feed['errors']} | >= {BUDGET_RPS} req/s, p99 <= {BUDGET_P99_MS:.0f} ms, 0 errors | {ok(feed['rps'] >= BUDGET_RPS and feed['p99'] <= BUDGET_P99_MS and feed['errors'] == 0)} |")
    print(f"| feed page GET at random depths (cache misses: SQLite + JSON) | {deep['rps']:.0f} | {deep['p50']:.2f} | {deep['p99']:.2f} | {deep['errors']} | (reported) | - |")
    print(f"| login (argon2id 19 MiB, t=2), 4 concurrent | {login['per_s']:.1f} | {login['p50']:.1f} | {login['p99']:.1f} | {login['errors']} | (reported) | - |")
    print(f"| feed page GET beside 20 logins/s | {mixed['rps']:.0f} | {mixed['p50']:.2f} | {mixed['p99']:.2f} | {mixed['errors']} | p99 <= {BUDGET_P99_MS:.0f} ms, 0 errors | {ok(mixed['p99'] <= BUDGET_P99_MS and mixed['errors'] == 0)} |")
    print(f"| the 20 logins/s themselves | {mixed_logins['per_s']:.1f} | {mixed_logins['p50']:.1f} | {mixed_logins['p99']:.1f} | {mixed_logins['errors']} | (reported) | - |")


if __name__ == "__main__":
    main()
