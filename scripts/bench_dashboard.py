#!/usr/bin/env python3
"""How long the pages take to load at scale, measured in a real browser: `etcdmon simulate` serves N members
(grouped into clusters of 5 by `cluster` and `member` labels), `etcdmon serve` scrapes them, and after a
warm-up headless Chromium opens the overview and the dashboard (15 m, 1 h, 24 h) again and again. For each
load, from the browser's own resource timings of the API requests the page makes until every query is
answered and every chart drawn:
  server  the sum over requests of request-sent → first-byte (the server's time; loopback adds ~0),
  span    first API request sent → last answer received (what the reader waits for the data),
  page    navigation → all charts drawn (includes the browser's own work).

Usage: bench_dashboard.py ETCDMON_BINARY [--members 1000] [--warmup 180] [--interval 15] [--loads 10]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "fixtures"))
from browser_check import browser, wait  # noqa: E402

SIMULATOR_HOST, SIMULATOR_PORT = "127.0.34.1", 21000
SERVER = ("127.0.34.2", 19092)

TIMINGS = """
const entries = performance.getEntriesByType("resource").filter(e => e.name.includes("/api/"));
return {
  requests: entries.length,
  server: entries.reduce((sum, e) => sum + (e.responseStart - e.requestStart), 0),
  span: Math.max(...entries.map(e => e.responseEnd)) - Math.min(...entries.map(e => e.startTime)),
  page: Number(document.getElementById("main").dataset.loadedMs || 0),
  each: entries.map(e => [decodeURIComponent(e.name.replace(/^https?:\/\/[^/]+/, "")).slice(0, 90), e.responseStart - e.requestStart]),
};
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("etcdmon")
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=180, help="seconds of scraping before measuring")
    parser.add_argument("--interval", type=int, default=15, help="scrape interval, seconds")
    parser.add_argument("--loads", type=int, default=10, help="loads of each page")
    options = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="etcdmon-bench-dashboard-")
    processes = []

    def start(command, log):
        process = subprocess.Popen(command, stdout=open(os.path.join(workdir, log), "w"), stderr=subprocess.STDOUT)
        processes.append(process)
        return process

    try:
        raw = os.path.join(workdir, "simulated.json")
        start([options.etcdmon, "simulate", "--members", str(options.members), "--listen-host", SIMULATOR_HOST,
               "--base-port", str(SIMULATOR_PORT), "--targets-file", raw], "simulate.log")
        for _ in range(300):
            if os.path.exists(raw) and os.path.getsize(raw) > 0:
                break
            time.sleep(0.1)
        time.sleep(0.5)
        addresses = [target for group in json.load(open(raw)) for target in group["targets"]]
        groups = [{"targets": [address], "labels": {"cluster": f"sim-{index // 5:03d}", "member": f"member-{index:04d}"}}
                  for index, address in enumerate(addresses)]
        targets = os.path.join(workdir, "targets.json")
        json.dump(groups, open(targets, "w"))
        config = os.path.join(workdir, "etcdmon.yml")
        with open(config, "w") as file:
            file.write(f"""global:
  scrape_interval: {options.interval}s
  scrape_timeout: {options.interval}s
scrape_configs:
  - job_name: etcd
    file_sd_configs: [{{files: ['{targets}'], refresh_interval: 5s}}]
""")
        start([options.etcdmon, "serve", "--config.file", config, "--data-dir", os.path.join(workdir, "data"),
               "--web.listen-address", "%s:%d" % SERVER, "--log.level", "warn"], "etcdmon.log")
        base = "http://%s:%d" % SERVER
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/-/ready", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        print(f"{options.members} members in {len(groups) // 5} clusters; warming up {options.warmup} s", file=sys.stderr)
        time.sleep(options.warmup)
        series = json.load(urllib.request.urlopen(base + "/api/v1/query?query=count(%7Bjob%3D%22etcd%22%7D)"))["data"]["result"][0]["value"][1]

        driver = browser()
        pages = [("overview", "/"), ("dashboard 15m", "/dashboard?cluster=sim-000&range=15m&refresh="),
                 ("dashboard 1h", "/dashboard?cluster=sim-000&range=1h&refresh="), ("dashboard 24h", "/dashboard?cluster=sim-000&range=24h&refresh=")]
        results = {}
        try:
            for name, path in pages:
                loads = []
                for _ in range(options.loads + 1):
                    driver.get(base + path)
                    # The pages note when their first refresh ended (all queries answered, charts drawn).
                    wait(lambda: driver.execute_script("return document.getElementById('main').dataset.loadedMs"), 120, name)
                    loads.append(driver.execute_script(TIMINGS))
                loads = loads[1:]  # the first load warms the browser's cache of the static files
                results[name] = loads
        finally:
            driver.quit()
        print(f"\n{options.members} simulated members ({len(groups) // 5} clusters of 5), {series} series, "
              f"{options.warmup} s of data at a {options.interval} s scrape interval; {options.loads} loads per page\n")
        print("| page | API requests | server ms (median / max) | span ms (median / max) | page ms (median / max) |")
        print("|---|---|---|---|---|")
        for name, loads in results.items():
            def cell(key):
                values = [load[key] for load in loads]
                return f"{statistics.median(values):.0f} / {max(values):.0f}"
            print(f"| {name} | {loads[0]['requests']} | {cell('server')} | {cell('span')} | {cell('page')} |")
        if os.environ.get("BENCH_DETAIL"):
            for name, loads in results.items():
                print(f"\n{name}, slowest requests of the last load:")
                for url, ms in sorted(loads[-1]["each"], key=lambda e: -e[1])[:8]:
                    print(f"  {ms:7.1f} ms  {url}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
