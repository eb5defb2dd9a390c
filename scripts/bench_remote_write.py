#!/usr/bin/env python3
"""Remote-write benchmark: what sending costs Prometheus 2.42 and etcdmon, side by side.

`etcdmon simulate` serves the members; each system scrapes them (as in bench_ingest.py) twice, once
without remote_write and once sending every sample to a receiver (an `etcdmon serve
--web.enable-remote-write-receiver`, the same for both, its CPU not counted). The cost of sending is the
sender's CPU seconds with remote_write less those without, per million samples. Both use Prometheus's
default queue_config. "Kept up" compares the samples sent with the samples appended over the measured
window, and reports how far the newest sample sent trails the newest appended at the end.

Usage: bench_remote_write.py ETCDMON_BINARY [--members 1000] [--duration 90] [--interval 15] [--repeat 1] [--systems etcdmon]
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_ingest as ingest  # noqa: E402  (the simulator, process and metrics helpers)

RECEIVER_ADDRESS = "127.0.31.2:19091"

SENT = {"prometheus": "prometheus_remote_storage_samples_total", "etcdmon": "prometheus_remote_storage_samples_total"}
APPENDED = {"prometheus": "prometheus_tsdb_head_samples_appended_total", "etcdmon": "etcdmon_tsdb_head_samples_appended_total"}


def start_receiver(workdir):
    data = os.path.join(workdir, "receiver")
    shutil.rmtree(data, ignore_errors=True)
    log = open(os.path.join(workdir, "receiver.log"), "w")
    process = subprocess.Popen([ingest.ETCDMON, "serve", "--data-dir", data, "--web.listen-address", RECEIVER_ADDRESS,
                                "--web.enable-remote-write-receiver", "--log.level", "warn"], stdout=log, stderr=log)
    for _ in range(300):
        try:
            ingest.http_text(f"http://{RECEIVER_ADDRESS}/-/ready", timeout=1)
            return process, log
        except OSError:
            time.sleep(0.1)
    sys.exit("the receiver did not start")


def run(name, workdir, targets, duration, interval, remote):
    data = os.path.join(workdir, name)
    shutil.rmtree(data, ignore_errors=True)
    config = os.path.join(workdir, f"{name}.yml")
    with open(config, "w") as file:
        file.write(f"""global:
  scrape_interval: {interval}s
  scrape_timeout: {min(10, interval)}s
scrape_configs:
  - job_name: etcd
    file_sd_configs:
      - files: ['{targets}']
""" + (f"remote_write: [{{url: 'http://{RECEIVER_ADDRESS}/api/v1/write'}}]\n" if remote else "")
           + ("etcd: {alerts: {enabled: false}}\n" if name == "etcdmon" else ""))
    receiver = start_receiver(workdir) if remote else None
    log = open(os.path.join(workdir, f"{name}.log"), "w")
    process = subprocess.Popen(ingest.SYSTEMS[name]["command"](config, data), stdout=log, stderr=log)
    try:
        ingest.wait_ready(process, name)
        time.sleep(interval + 5)
        own = ingest.http_text(f"http://{ingest.SERVER_ADDRESS}/metrics", timeout=120)
        cpu_start, appended_start, sent_start = ingest.cpu_seconds(process.pid), ingest.metric(own, APPENDED[name]), ingest.metric(own, SENT[name]) or 0
        time.sleep(duration)
        own = ingest.http_text(f"http://{ingest.SERVER_ADDRESS}/metrics", timeout=120)
        cpu_end, appended_end, sent_end = ingest.cpu_seconds(process.pid), ingest.metric(own, APPENDED[name]), ingest.metric(own, SENT[name]) or 0
        # Sent during the window against appended during it; a sender that keeps up sends about as many.
        highest_sent = ingest.metric(own, "prometheus_remote_storage_queue_highest_sent_timestamp_seconds")
    finally:
        ingest.stop(process, log)
        if receiver:
            receiver[0].send_signal(signal.SIGTERM)
            receiver[0].wait(timeout=60)
            receiver[1].close()
    appended = appended_end - appended_start
    return {
        "system": name, "remote_write": remote, "cpu_seconds": round(cpu_end - cpu_start, 2), "samples_appended": int(appended),
        "samples_sent": int(sent_end - sent_start), "kept_up": round((sent_end - sent_start) / appended, 3) if remote and appended else None,
        "newest_sent_lag_seconds": round(time.time() - highest_sent, 1) if remote and highest_sent else None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("etcdmon")
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=90)
    parser.add_argument("--interval", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--systems", nargs="+", default=["prometheus", "etcdmon"], choices=["prometheus", "etcdmon"])
    arguments = parser.parse_args()
    ingest.ETCDMON = arguments.etcdmon
    members = arguments.members
    workdir = tempfile.mkdtemp(prefix=f"etcdmon-bench-remote-write-{members}.")
    targets = os.path.join(workdir, "targets.json")
    simulator_log = open(os.path.join(workdir, "simulate.log"), "w")
    simulator = subprocess.Popen([ingest.ETCDMON, "simulate", "--members", str(members), "--listen-host", ingest.SIMULATOR_HOST,
                                  "--base-port", str(ingest.SIMULATOR_PORT), "--targets-file", targets], stdout=simulator_log, stderr=simulator_log)
    results = []
    try:
        for _ in range(300):
            if os.path.exists(targets):
                try:
                    ingest.http_text(f"http://{ingest.SIMULATOR_HOST}:{ingest.SIMULATOR_PORT + members - 1}/health", timeout=1)
                    break
                except OSError:
                    pass
            time.sleep(0.1)
        for _ in range(arguments.repeat):
            for name in arguments.systems:
                for remote in [False, True]:
                    result = run(name, workdir, targets, arguments.duration, arguments.interval, remote)
                    print(json.dumps(result), flush=True)
                    results.append(result)
    finally:
        simulator.send_signal(signal.SIGTERM)
        simulator.wait(timeout=30)
        simulator_log.close()
        shutil.rmtree(workdir, ignore_errors=True)

    def median(name, remote, key):
        values = [r[key] for r in results if r["system"] == name and r["remote_write"] == remote and r[key] is not None]
        return statistics.median(values) if values else None

    print()
    print(f"| {members} members | CPU s without | CPU s with remote_write | sending: CPU s / M samples | samples sent / appended | newest sent trails by |")
    print("|---|---|---|---|---|---|")
    cost = {}
    for name in arguments.systems:
        without, with_ = median(name, False, "cpu_seconds"), median(name, True, "cpu_seconds")
        sent = median(name, True, "samples_sent")
        cost[name] = (with_ - without) / sent * 1e6 if sent else None
        print(f"| {name} | {without} | {with_} | {cost[name]:.3f} | {median(name, True, 'kept_up')} | {median(name, True, 'newest_sent_lag_seconds')} s |")
    if cost.get("prometheus") and cost.get("etcdmon"):
        print(f"\netcdmon's sending costs {cost['etcdmon'] / cost['prometheus']:.2f}x Prometheus's CPU per sample.")


if __name__ == "__main__":
    main()
