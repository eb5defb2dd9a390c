#!/usr/bin/env python3
"""Ingest benchmark: real Prometheus and etcdmon scrape the same simulated etcd members, one after the other.

For each member count, `etcdmon simulate` serves the members and writes their file_sd targets; Prometheus and
then etcdmon scrape exactly that set at the given interval for a fixed time, each into a fresh data directory.
Reported per system: CPU seconds per million samples (measured after a warm-up round), peak RSS, RSS per
head series, data-directory bytes per sample, and whether every scrape round was kept (targets up, scrape
durations, samples appended against the number expected). Prints a Markdown table and a JSON line.

With --block-duration (say 1m, in place of 2h) both cut their head into blocks that often, so a run of a few
minutes includes compactions: "rounds kept" then shows whether ingest goes on while a block is written, and
"steady RSS" is the median anonymous RSS (RssAnon: the heap, not mapped code or files) sampled every 5 s after
the third block was written; with --retention (say 3m) old blocks go too, so the store stops growing.

Usage: bench_ingest.py ETCDMON_BINARY [--members 50 500 1000] [--duration 120] [--interval 15] [--systems etcdmon]
                       [--repeat N] [--block-duration 1m] [--retention 3m]
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SIMULATOR_HOST = "127.0.30.1"
SIMULATOR_PORT = 20000
SERVER_ADDRESS = "127.0.31.1:19090"
BLOCK_DURATION = None
RETENTION = None


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def block_names(path):
    """The finished blocks in a data directory (a ULID-named directory with its meta.json)."""
    try:
        return {name for name in os.listdir(path)
                if len(name) == 26 and os.path.exists(os.path.join(path, name, "meta.json"))}
    except FileNotFoundError:
        return set()


def directory_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except FileNotFoundError:
                pass
    return total


def http_text(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def metric(text, name):
    """Sum of a metric's samples in exposition text (all label sets)."""
    total, found = 0.0, False
    for line in text.splitlines():
        if line.startswith(name) and line[len(name)] in " {":
            total += float(line.rsplit(" ", 1)[1])
            found = True
    return total if found else None


def query(expression):
    url = f"http://{SERVER_ADDRESS}/api/v1/query?" + urllib.parse.urlencode({"query": expression})
    result = json.loads(http_text(url, timeout=120))["data"]["result"]
    return float(result[0]["value"][1]) if result else None


SYSTEMS = {
    "prometheus": {
        "command": lambda config, data: ["prometheus", "--config.file", config, "--storage.tsdb.path", data,
                                         "--web.listen-address", SERVER_ADDRESS, "--log.level", "warn"]
                                        + ([f"--storage.tsdb.min-block-duration={BLOCK_DURATION}",
                                            f"--storage.tsdb.max-block-duration={BLOCK_DURATION}"] if BLOCK_DURATION else [])
                                        + ([f"--storage.tsdb.retention.time={RETENTION}"] if RETENTION else []),
        "samples": "prometheus_tsdb_head_samples_appended_total",
        "series": "prometheus_tsdb_head_series",
    },
    "etcdmon": {
        "command": lambda config, data: [ETCDMON, "serve", "--config.file", config, "--data-dir", data,
                                         "--web.listen-address", SERVER_ADDRESS, "--log.level", "warn"]
                                        + (["--storage.tsdb.min-block-duration", BLOCK_DURATION] if BLOCK_DURATION else [])
                                        + (["--storage.tsdb.retention.time", RETENTION] if RETENTION else []),
        "samples": "etcdmon_tsdb_head_samples_appended_total",
        "series": "etcdmon_tsdb_head_series",
    },
}


def stop(process, log):
    """SIGTERM, a minute to finish, then SIGKILL; closes its log."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def wait_ready(process, name):
    for _ in range(300):
        if process.poll() is not None:
            sys.exit(f"{name} exited with {process.returncode} before becoming ready")
        try:
            http_text(f"http://{SERVER_ADDRESS}/-/ready", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{name} did not become ready on {SERVER_ADDRESS}")


def run_system(name, workdir, targets, members, samples_per_scrape, duration, interval):
    data = os.path.join(workdir, name)
    shutil.rmtree(data, ignore_errors=True)  # every run starts from an empty store (--repeat reuses the directory)
    config = os.path.join(workdir, f"{name}.yml")
    with open(config, "w") as file:
        file.write(f"""global:
  scrape_interval: {interval}s
  scrape_timeout: {min(10, interval)}s
scrape_configs:
  - job_name: etcd
    file_sd_configs:
      - files: ['{targets}']
""" + ("etcd: {alerts: {enabled: false}}  # ingest alone: no rules, as in Prometheus\n" if name == "etcdmon" else ""))
    system = SYSTEMS[name]
    log = open(os.path.join(workdir, f"{name}.log"), "w")
    process = subprocess.Popen(system["command"](config, data), stdout=log, stderr=log)
    try:
        wait_ready(process, name)
        # One full round creates every series; measure the steady state after it.
        time.sleep(interval + 5)
        own = http_text(f"http://{SERVER_ADDRESS}/metrics", timeout=120)
        cpu_start, samples_start = cpu_seconds(process.pid), metric(own, system["samples"])
        # Sample the heap every 5 s; blocks seen so far tell how many compactions have written one.
        blocks_seen, after_third = set(block_names(data)), []
        end = time.monotonic() + duration
        while time.monotonic() < end:
            time.sleep(min(5, max(0, end - time.monotonic())))
            blocks_seen |= block_names(data)
            if len(blocks_seen) >= 3:
                after_third.append(status_kib(process.pid, "RssAnon") * 1024)
        own = http_text(f"http://{SERVER_ADDRESS}/metrics", timeout=120)
        cpu_end, samples_end = cpu_seconds(process.pid), metric(own, system["samples"])
        if samples_start is None or samples_end is None:
            sys.exit(f"{name} at {SERVER_ADDRESS} does not export {system['samples']}; its /metrics begins:\n{own[:500]}")
        series = metric(own, system["series"])
        peak_rss = status_kib(process.pid, "VmHWM") * 1024
        targets_up = query('count(up{job="etcd"} == 1)') or 0
        slowest = query('max(scrape_duration_seconds{job="etcd"})') or 0
    finally:
        stop(process, log)
    disk = directory_bytes(data)
    appended = samples_end - samples_start
    expected = members * samples_per_scrape * duration / interval
    return {
        "system": name, "members": members, "series": int(series), "samples_appended": int(samples_end),
        "cpu_seconds": round(cpu_end - cpu_start, 2),
        "cpu_seconds_per_million_samples": round((cpu_end - cpu_start) / appended * 1e6, 3) if appended else None,
        "peak_rss_bytes": peak_rss, "rss_bytes_per_series": round(peak_rss / series, 1) if series else None,
        "blocks_written": len(blocks_seen),
        "steady_rss_bytes": int(statistics.median(after_third)) if after_third else None,
        "disk_bytes": disk, "disk_bytes_per_sample": round(disk / samples_end, 3) if samples_end else None,
        "targets_up": int(targets_up), "slowest_scrape_seconds": round(slowest, 3),
        "rounds_kept": round(appended / expected, 3) if expected else None,
    }


def median_result(runs):
    """One result whose every figure is the median of `runs` (the worst for targets up and slowest scrape)."""
    if len(runs) == 1:
        return runs[0]
    merged = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)) and key not in ("members",):
            values = [run[key] for run in runs if run[key] is not None]
            if key == "targets_up":
                merged[key] = min(values)
            elif key == "slowest_scrape_seconds":
                merged[key] = max(values)
            elif values:
                merged[key] = statistics.median(values)
    merged["runs"] = len(runs)
    return merged


def main():
    global ETCDMON, BLOCK_DURATION, RETENTION
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("etcdmon")
    parser.add_argument("--members", type=int, nargs="+", default=[50, 500, 1000])
    parser.add_argument("--duration", type=int, default=120, help="measured seconds per system and member count")
    parser.add_argument("--interval", type=int, default=15, help="scrape interval in seconds")
    parser.add_argument("--systems", nargs="+", default=["prometheus", "etcdmon"], choices=list(SYSTEMS))
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per system, alternating systems; the tables show each figure's median "
                             "(this VM's CPU time per sample varies by up to 1.6x between runs)")
    parser.add_argument("--block-duration", help="head block range for both systems (default: theirs, 2h)")
    parser.add_argument("--retention", help="retention time for both systems (default: theirs, 15d)")
    arguments = parser.parse_args()
    ETCDMON = arguments.etcdmon
    BLOCK_DURATION = arguments.block_duration
    RETENTION = arguments.retention

    results = []
    for members in arguments.members:
        workdir = tempfile.mkdtemp(prefix=f"etcdmon-bench-ingest-{members}.")
        targets = os.path.join(workdir, "targets.json")
        simulator_log = open(os.path.join(workdir, "simulate.log"), "w")
        simulator = subprocess.Popen([ETCDMON, "simulate", "--members", str(members), "--listen-host", SIMULATOR_HOST,
                                      "--base-port", str(SIMULATOR_PORT), "--targets-file", targets],
                                     stdout=simulator_log, stderr=simulator_log)
        try:
            for _ in range(300):
                if os.path.exists(targets):
                    try:
                        http_text(f"http://{SIMULATOR_HOST}:{SIMULATOR_PORT + members - 1}/health", timeout=1)
                        break
                    except OSError:
                        pass
                time.sleep(0.1)
            page = http_text(f"http://{SIMULATOR_HOST}:{SIMULATOR_PORT}/metrics")
            samples_per_scrape = sum(1 for line in page.splitlines() if line and not line.startswith("#")) + 5
            runs = {name: [] for name in arguments.systems}
            for _ in range(arguments.repeat):
                for name in arguments.systems:
                    result = run_system(name, workdir, targets, members, samples_per_scrape, arguments.duration, arguments.interval)
                    print(json.dumps(result), flush=True)
                    runs[name].append(result)
            results += [median_result(runs[name]) for name in arguments.systems]
        finally:
            simulator.send_signal(signal.SIGTERM)
            simulator.wait(timeout=30)
            simulator_log.close()
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    print("| members | system | CPU s / M samples | peak RSS | steady RSS (blocks) | RSS / series | bytes / sample on disk | up | slowest scrape | rounds kept |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    by_key = {(r["members"], r["system"]): r for r in results}
    for r in results:
        steady = f"{r['steady_rss_bytes'] / 2**20:.0f} MiB ({r['blocks_written']})" if r.get("steady_rss_bytes") else f"n/a ({r['blocks_written']})"
        print(f"| {r['members']} | {r['system']} | {r['cpu_seconds_per_million_samples']} | {r['peak_rss_bytes'] / 2**20:.0f} MiB | {steady} "
              f"| {r['rss_bytes_per_series']:.0f} B | {r['disk_bytes_per_sample']} | {r['targets_up']}/{r['members']} "
              f"| {r['slowest_scrape_seconds']} s | {r['rounds_kept']} |")
    print()
    print("| members | CPU / sample | peak RSS | steady RSS | disk / sample |")
    print("|---|---|---|---|---|")
    for members in arguments.members:
        ours, theirs = by_key.get((members, "etcdmon")), by_key.get((members, "prometheus"))
        if not ours or not theirs:
            continue
        ratio = lambda key: f"{ours[key] / theirs[key]:.2f}×" if ours[key] and theirs[key] else "n/a"
        print(f"| {members} | {ratio('cpu_seconds_per_million_samples')} | {ratio('peak_rss_bytes')} | {ratio('steady_rss_bytes')} | {ratio('disk_bytes_per_sample')} |")


if __name__ == "__main__":
    main()
