#!/usr/bin/env python3
"""Query latency on the head, side by side: Prometheus 2.42 and `etcdmon serve` scrape the same members served
by `etcdmon simulate` at the same time; after a warm-up, the etcd dashboard's panel queries and the etcd alert
pack's expressions (../shared/fixtures/etcd-mixin) plus single-series selects run as instant and range queries
against both, alternately, over kept-alive connections. Reported per query: median and p99 of each server, and
whether the answers agree (same series; values within 5 %: the two scrape at different moments). Then each
server answers a steady dashboard load (every panel as a range query over the last 15 minutes, once per
`--refresh` seconds) while its CPU time is measured, and etcdmon's slowest scrape and targets down under that
load are read from its own series.

Usage: bench_head_query.py ETCDMON_BINARY [--members 300] [--warmup 150] [--interval 10] [--rounds 15]
                           [--p99-rounds 101] [--load-seconds 60] [--refresh 10] [--only REGEX]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

import yaml

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SIMULATOR_HOST, SIMULATOR_PORT = "127.0.32.1", 20000
SERVERS = {"prometheus": ("127.0.33.1", 19090), "etcdmon": ("127.0.33.2", 19091)}
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "fixtures", "etcd-mixin")
SELECTOR = 'job=~".*etcd.*", job="etcd"'


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def dashboard_queries():
    """Every query of the etcd dashboard (mixin v3.6.14, Grafana 8 variant), `$__rate_interval` as 1m."""
    text = open(os.path.join(SHARED, "dashboard-panels.md")).read()
    table = text.split("| # | title |", 1)[1].split("\n\n", 1)[0]
    queries = []
    for row in table.splitlines()[2:]:
        cells = row.split(" | ")
        if len(cells) < 5:
            continue
        for query in re.findall(r"`([^`]*\(.*?)`", cells[4].replace("\\|", "|")):
            query = query.replace("{S,", "{" + SELECTOR + ",").replace("{S}", "{" + SELECTOR + "}")
            query = query.replace("$cluster", "etcd").replace("$__rate_interval", "1m")
            if re.match(r"^[a-z]", query) and query not in queries:
                queries.append(query)
    # Panel 3's queries are written out in full; its "same with Lease" variant.
    queries += [q.replace("etcdserverpb.Watch", "etcdserverpb.Lease") for q in queries if "etcdserverpb.Watch" in q]
    return queries


def alert_queries():
    groups = yaml.safe_load(open(os.path.join(SHARED, "etcd-alerts.rendered.yml")))["groups"]
    return [" ".join(rule["expr"].split()) for group in groups for rule in group["rules"]]


class Server:
    def __init__(self, name):
        self.name = name
        self.host, self.port = SERVERS[name]
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def get(self, path, parameters):
        began = time.perf_counter()
        try:
            self.connection.request("GET", path + "?" + urllib.parse.urlencode(parameters))
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
            raise
        elapsed = time.perf_counter() - began
        return elapsed, json.loads(body)


def series_key(entry):
    return tuple(sorted(entry.get("metric", {}).items()))


def agree(ours, theirs):
    """Same series; each value within 5 % (or both tiny, or both non-finite)."""
    if ours.get("status") != "success" or theirs.get("status") != "success":
        return False
    a, b = ours["data"]["result"], theirs["data"]["result"]
    if ours["data"]["resultType"] == "scalar":
        a, b = [{"value": a}], [{"value": b}]
    by_key = {series_key(entry): entry for entry in b}
    if len(a) != len(b) or any(series_key(entry) not in by_key for entry in a):
        return False
    for entry in a:
        other = by_key[series_key(entry)]
        x = float((entry.get("value") or entry.get("values", [[0, "0"]])[-1])[1])
        y = float((other.get("value") or other.get("values", [[0, "0"]])[-1])[1])
        if x != x and y != y:
            continue
        if abs(x - y) > 0.05 * max(abs(x), abs(y)) and abs(x - y) > 1e-9:
            return False
    return True


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("etcdmon")
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=150, help="seconds of scraping before the queries")
    parser.add_argument("--interval", type=int, default=10, help="scrape interval in seconds")
    parser.add_argument("--rounds", type=int, default=15, help="times each query is asked of each server")
    parser.add_argument("--p99-rounds", type=int, default=101,
                        help="rounds for a query whose first answers all took under 50 ms: a p99 of 15 answers is their maximum")
    parser.add_argument("--load-seconds", type=int, default=60, help="seconds of dashboard load per server")
    parser.add_argument("--refresh", type=int, default=10, help="dashboard refresh period under load")
    parser.add_argument("--only", help="a regex: run only the queries it finds, and no load")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="etcdmon-bench-head-query.")
    targets = os.path.join(workdir, "targets.json")
    processes = []

    def start(command, log):
        # Each process in a session of its own, so Linux's autogroup schedules them apart as systemd's
        # per-service cgroups do in production: a server's thread priorities (etcdmon's query threads
        # run niced below its scrapes) then weigh against its own threads, not the other server's.
        process = subprocess.Popen(command, stdout=open(os.path.join(workdir, log), "w"), stderr=subprocess.STDOUT,
                                   start_new_session=True)
        processes.append(process)
        return process

    try:
        start([options.etcdmon, "simulate", "--members", str(options.members), "--listen-host", SIMULATOR_HOST,
               "--base-port", str(SIMULATOR_PORT), "--targets-file", targets], "simulate.log")
        for _ in range(300):
            if os.path.exists(targets):
                break
            time.sleep(0.1)
        config = os.path.join(workdir, "scrape.yml")
        with open(config, "w") as file:
            file.write(f"""global:
  scrape_interval: {options.interval}s
  scrape_timeout: {options.interval}s
scrape_configs:
  - job_name: etcd
    file_sd_configs: [{{files: ['{targets}'], refresh_interval: 5s}}]
""")
        # etcdmon's built-in alert pack off: the two servers answer the same load (Prometheus has no rules here).
        etcdmon_config = os.path.join(workdir, "etcdmon.yml")
        with open(config) as source, open(etcdmon_config, "w") as file:
            file.write(source.read() + "etcd: {alerts: {enabled: false}}\n")
        prometheus = start(["prometheus", "--config.file", config, "--storage.tsdb.path", os.path.join(workdir, "prometheus"),
                            "--web.listen-address", "%s:%d" % SERVERS["prometheus"], "--log.level", "warn"], "prometheus.log")
        etcdmon = start([options.etcdmon, "serve", "--config.file", etcdmon_config, "--data-dir", os.path.join(workdir, "etcdmon"),
                         "--web.listen-address", "%s:%d" % SERVERS["etcdmon"], "--log.level", "warn"], "etcdmon.log")
        pids = {"prometheus": prometheus.pid, "etcdmon": etcdmon.pid}
        servers = {name: Server(name) for name in SERVERS}
        for server in servers.values():
            for _ in range(300):
                try:
                    server.get("/api/v1/query", {"query": "1"})
                    break
                except (OSError, http.client.HTTPException, ValueError):
                    time.sleep(0.2)
        print(f"# {options.members} members, scrape every {options.interval}s; warming up {options.warmup}s", flush=True)
        time.sleep(options.warmup)
        series = {name: servers[name].get("/api/v1/query", {"query": "count({job=\"etcd\"})"})[1]["data"]["result"] for name in servers}
        print("# head series: " + ", ".join(f"{name} {entry[0]['value'][1] if entry else 0}" for name, entry in series.items()))
        print("# RSS MiB after warm-up: " + ", ".join(f"{name} {rss_mib(pid):.0f}" for name, pid in pids.items()))

        instance = f"{SIMULATOR_HOST}:{SIMULATOR_PORT + options.members // 2}"
        singles = [
            f'etcd_server_has_leader{{instance="{instance}"}}',
            'sum by (instance) (rate(etcd_network_client_grpc_received_bytes_total[1m]))',
            'histogram_quantile(0.99, sum by (instance, le) (rate(etcd_disk_wal_fsync_duration_seconds_bucket[1m])))',
            'count(up == 1)',
        ]
        queries = [("single", q) for q in singles] + [("dashboard", q) for q in dashboard_queries()] + [("alert", q) for q in alert_queries()]
        if options.only:
            queries = [(kind, query) for kind, query in queries if re.search(options.only, query)]
        latencies = {}
        agreement = {}
        for kind, query in queries:
            for mode in ("instant", "range"):
                samples = {name: [] for name in servers}
                answers = {}
                rounds = options.rounds
                for round in range(max(options.rounds, options.p99_rounds)):
                    # A query that takes seconds (the alert pack's error-ratio range queries do, in both)
                    # is asked three times, not fifteen; a cheap one often enough for its p99 to be one.
                    slowest = max(max(times) for times in samples.values()) if round else 0
                    if round == 3 and slowest > 1000:
                        break
                    if round == options.rounds and slowest < 50:
                        rounds = options.p99_rounds
                    if round >= rounds:
                        break
                    now = time.time()
                    parameters = {"query": query, "time": f"{now:.3f}"} if mode == "instant" else \
                        {"query": query, "start": f"{now - 900:.3f}", "end": f"{now:.3f}", "step": "15"}
                    path = "/api/v1/query" if mode == "instant" else "/api/v1/query_range"
                    for name in servers:
                        elapsed, answers[name] = servers[name].get(path, parameters)
                        samples[name].append(elapsed * 1000)
                latencies[(kind, query, mode)] = samples
                agreement[(kind, query, mode)] = agree(answers["etcdmon"], answers["prometheus"])

        print()
        print("| kind | query | mode | Prometheus median / p99 ms | etcdmon median / p99 ms | ratio (median) | agree |")
        print("|---|---|---|---|---|---|---|")
        worst_median, worst_p99 = 0.0, 0.0
        for (kind, query, mode), samples in latencies.items():
            p, e = samples["prometheus"], samples["etcdmon"]
            ratio = statistics.median(e) / max(statistics.median(p), 1e-6)
            worst_median = max(worst_median, ratio)
            worst_p99 = max(worst_p99, percentile(e, 0.99) / max(percentile(p, 0.99), 1e-6))
            shown = query if len(query) <= 90 else query[:87] + "..."
            print(f"| {kind} | `{shown}` | {mode} | {statistics.median(p):.1f} / {percentile(p, 0.99):.1f} | "
                  f"{statistics.median(e):.1f} / {percentile(e, 0.99):.1f} | {ratio:.2f} | {'yes' if agreement[(kind, query, mode)] else 'NO'} |")
        print()
        print(f"# worst etcdmon/Prometheus ratio: median {worst_median:.2f}, p99 {worst_p99:.2f}; "
              f"answers agree on {sum(agreement.values())} of {len(agreement)}")

        # Steady dashboard load, one server at a time: CPU while answering it.
        panels = dashboard_queries()
        for name in () if options.only else ("prometheus", "etcdmon"):
            before = cpu_seconds(pids[name])
            began = time.time()
            answered = 0
            while time.time() - began < options.load_seconds:
                refresh = time.time()
                for query in panels:
                    servers[name].get("/api/v1/query_range", {"query": query, "start": f"{refresh - 900:.3f}",
                                                             "end": f"{refresh:.3f}", "step": "15"})
                    answered += 1
                time.sleep(max(0, options.refresh - (time.time() - refresh)))
            spent = cpu_seconds(pids[name]) - before
            elapsed = time.time() - began
            print(f"# dashboard load on {name}: {answered} range queries in {elapsed:.0f}s, "
                  f"CPU {spent:.1f}s ({100 * spent / elapsed:.0f}% of a core, scraping included), RSS {rss_mib(pids[name]):.0f} MiB")
            window = f"{int(options.load_seconds)}s"
            _, slowest = servers[name].get("/api/v1/query", {"query": f"max(max_over_time(scrape_duration_seconds{{job=\"etcd\"}}[{window}]))"})
            _, down = servers[name].get("/api/v1/query", {"query": f"count(min_over_time(up{{job=\"etcd\"}}[{window}]) == 0) or vector(0)"})
            slowest_value = float(slowest["data"]["result"][0]["value"][1]) if slowest["data"]["result"] else float("nan")
            print(f"# {name} under that load: slowest scrape {slowest_value * 1000:.0f} ms, "
                  f"targets down at some point: {down['data']['result'][0]['value'][1]}")
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        # The postings index's own heap, measured on a copy built from etcdmon's head (replayed from its WAL).
        stats = subprocess.run([options.etcdmon, "tsdb", "stats", "--data-dir", os.path.join(workdir, "etcdmon")],
                               capture_output=True, text=True)
        print("".join(f"# {line}\n" for line in stats.stdout.splitlines() if line.startswith(("head", "series"))), end="")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
