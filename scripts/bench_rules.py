#!/usr/bin/env python3
"""Rule evaluation benchmark: the CPU the built-in etcd alert pack costs, in Prometheus 2.42 and in etcdmon.

`etcdmon simulate` serves the members; each system scrapes them (every --interval) twice, once without
rules and once with the pack (`etcdmon export rules` for Prometheus's rule_files, the built-in pack for
etcdmon), evaluated every --evaluation seconds. The rules' CPU is the difference between the two runs'
process CPU over the same measured time. Also reported: the sum of rule-group evaluation durations
from each system's self-metrics. Prints a Markdown table and a JSON line per run.

Usage: bench_rules.py ETCDMON_BINARY [--members 1000] [--duration 120] [--interval 15] [--evaluation 5] [--warmup 60]
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_ingest as ingest  # noqa: E402  (shared helpers: CPU, /metrics parsing, readiness)


def run(system, workdir, targets, pack, rules, args):
    data = os.path.join(workdir, f"{system}-{'rules' if rules else 'none'}")
    shutil.rmtree(data, ignore_errors=True)
    config = os.path.join(workdir, f"{system}-{rules}.yml")
    with open(config, "w") as file:
        file.write(f"""global:
  scrape_interval: {args.interval}s
  scrape_timeout: {min(10, args.interval)}s
  evaluation_interval: {args.evaluation}s
scrape_configs:
  - job_name: etcd
    file_sd_configs:
      - files: ['{targets}']
""")
        if system == "prometheus" and rules:
            file.write(f"rule_files: ['{pack}']\n")
        if system == "etcdmon":
            file.write(f"etcd:\n  alerts:\n    enabled: {'true' if rules else 'false'}\n")
    if system == "prometheus":
        command = ["prometheus", "--config.file", config, "--storage.tsdb.path", data,
                   "--web.listen-address", ingest.SERVER_ADDRESS, "--log.level", "warn"]
        duration_metric = "prometheus_rule_group_duration_seconds_sum"
    else:
        command = [args.etcdmon, "serve", "--config.file", config, "--data-dir", data,
                   "--web.listen-address", ingest.SERVER_ADDRESS, "--log.level", "warn"]
        duration_metric = "etcdmon_rule_group_duration_seconds_total"
    log = open(os.path.join(workdir, f"{system}.log"), "w")
    process = subprocess.Popen(command, stdout=log, stderr=log)
    try:
        ingest.wait_ready(process, system)
        time.sleep(args.warmup)
        own = ingest.http_text(f"http://{ingest.SERVER_ADDRESS}/metrics", timeout=120)
        cpu_start, evaluation_start = ingest.cpu_seconds(process.pid), ingest.metric(own, duration_metric) or 0
        time.sleep(args.duration)
        own = ingest.http_text(f"http://{ingest.SERVER_ADDRESS}/metrics", timeout=120)
        cpu_end, evaluation_end = ingest.cpu_seconds(process.pid), ingest.metric(own, duration_metric) or 0
        alerts = ingest.query('count(ALERTS)') or 0
    finally:
        ingest.stop(process, log)
    return {"system": system, "rules": rules, "members": args.members, "cpu_seconds": round(cpu_end - cpu_start, 2),
            "evaluation_seconds": round(evaluation_end - evaluation_start, 2), "alerts": int(alerts)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("etcdmon")
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=120)
    parser.add_argument("--interval", type=int, default=15)
    parser.add_argument("--evaluation", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--systems", nargs="+", default=["prometheus", "etcdmon"], choices=["prometheus", "etcdmon"])
    args = parser.parse_args()
    ingest.ETCDMON = args.etcdmon
    workdir = tempfile.mkdtemp(prefix="etcdmon-bench-rules.")
    targets = os.path.join(workdir, "targets.json")
    pack = os.path.join(workdir, "pack.yml")
    subprocess.run([args.etcdmon, "export", "rules", "--output", pack], check=True)
    simulator_log = open(os.path.join(workdir, "simulate.log"), "w")
    simulator = subprocess.Popen([args.etcdmon, "simulate", "--members", str(args.members), "--listen-host", ingest.SIMULATOR_HOST,
                                  "--base-port", str(ingest.SIMULATOR_PORT), "--targets-file", targets],
                                 stdout=simulator_log, stderr=simulator_log)
    results = []
    try:
        for _ in range(300):
            if os.path.exists(targets):
                break
            time.sleep(0.1)
        for system in args.systems:
            for rules in (False, True):
                result = run(system, workdir, targets, pack, rules, args)
                print(json.dumps(result), flush=True)
                results.append(result)
    finally:
        simulator.send_signal(signal.SIGTERM)
        simulator.wait(timeout=30)
        simulator_log.close()
        shutil.rmtree(workdir, ignore_errors=True)
    by = {(r["system"], r["rules"]): r for r in results}
    print()
    print(f"| system | CPU without rules | CPU with the pack | rules' CPU | rule-group evaluation time | ALERTS series |")
    print("|---|---|---|---|---|---|")
    for system in args.systems:
        off, on = by[(system, False)], by[(system, True)]
        print(f"| {system} | {off['cpu_seconds']} s | {on['cpu_seconds']} s | {on['cpu_seconds'] - off['cpu_seconds']:.2f} s "
              f"| {on['evaluation_seconds']} s | {on['alerts']} |")
    if len(args.systems) < 2:
        return
    ours = by[("etcdmon", True)]["cpu_seconds"] - by[("etcdmon", False)]["cpu_seconds"]
    theirs = by[("prometheus", True)]["cpu_seconds"] - by[("prometheus", False)]["cpu_seconds"]
    if theirs > 0:
        print(f"\n# etcdmon / Prometheus, rules' CPU: {ours / theirs:.2f}x; evaluation time: "
              f"{by[('etcdmon', True)]['evaluation_seconds'] / max(by[('prometheus', True)]['evaluation_seconds'], 1e-9):.2f}x")


if __name__ == "__main__":
    main()
