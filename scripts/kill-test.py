#!/usr/bin/env python3
"""SIGKILLs `etcdmon serve` at random moments while it scrapes simulated members and compacts,
restarts it each time, and checks that nothing committed was lost.

Before each kill it reads, through the API, every raw sample of a few series (which proves their
commits returned: the WAL is written before the head shows a sample); after the restart the same
query at the same time must return every one of them, with the same value. At the end promtool must
read the whole data directory (`promtool tsdb list` and `dump`).

Usage: scripts/kill-test.py [--kills 100] [--etcdmon PATH] [--members 5] [--min-delay 1] [--max-delay 12] [--seed 1]
Prints one line per kill and a summary; exits 0 when nothing was lost.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

SERIES = 'up|scrape_samples_scraped|etcd_disk_wal_fsync_duration_seconds_count|etcd_server_proposals_committed_total'


def get(address, path, params=None, timeout=30):
    url = f'http://{address}{path}'
    if params:
        url += '?' + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def snapshot(address, at):
    """Every raw sample of the watched series up to `at` (seconds), as {labels: {ms: value}}."""
    body = json.loads(get(address, '/api/v1/query', {'query': f'{{__name__=~"{SERIES}"}}[1d]', 'time': f'{at:.3f}'}))
    result = {}
    for series in body['data']['result']:
        key = json.dumps(series['metric'], sort_keys=True)
        result[key] = {round(float(t) * 1000): v for t, v in series['values']}
    return result


def block_count(data):
    return len([d for d in os.listdir(data) if len(d) == 26]) if os.path.isdir(data) else 0


def wait_ready(address, process, log, limit=120):
    deadline = time.time() + limit
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f'serve exited with {process.returncode} before it was ready:\n{open(log).read()[-3000:]}')
        try:
            get(address, '/-/ready', timeout=2)
            return
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f'serve not ready after {limit} s:\n{open(log).read()[-3000:]}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--kills', type=int, default=100)
    parser.add_argument('--etcdmon', default=None)
    parser.add_argument('--members', type=int, default=5)
    parser.add_argument('--min-delay', type=float, default=1)
    parser.add_argument('--max-delay', type=float, default=12)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--promtool', default='/usr/bin/promtool')
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    etcdmon = args.etcdmon or next(p for p in (f'{root}/.build/release/etcdmon', f'{root}/.build/debug/etcdmon') if os.path.exists(p))
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix='etcdmon-kill-')
    data = f'{work}/data'
    host = f'127.0.34.{rng.randint(2, 250)}'
    base = 23000 + rng.randint(0, 400) * 10
    address = f'{host}:{base - 1}'
    targets = f'{work}/targets.json'
    simulate = subprocess.Popen([etcdmon, 'simulate', '--members', str(args.members), '--listen-host', host, '--base-port', str(base),
                                 '--targets-file', targets, '--restart-interval', '0'],
                                stdout=subprocess.DEVNULL, stderr=open(f'{work}/simulate.log', 'w'))
    config = f'{work}/etcdmon.yml'
    with open(config, 'w') as f:
        f.write(f'global: {{scrape_interval: 1s, scrape_timeout: 900ms}}\n'
                f'scrape_configs:\n  - job_name: sim\n    file_sd_configs: [{{files: [{targets}]}}]\n')
    serve_args = [etcdmon, 'serve', '--config.file', config, '--data-dir', data, '--web.listen-address', address,
                  '--storage.tsdb.min-block-duration', '1m']
    lost = 0
    checked = 0
    blocks_seen = 0
    previous = None
    started = time.time()
    try:
        for _ in range(100):
            if os.path.exists(targets):
                break
            time.sleep(0.1)
        for kill in range(args.kills + 1):
            log = f'{work}/serve-{kill}.log'
            process = subprocess.Popen(serve_args, stdout=open(log, 'w'), stderr=subprocess.STDOUT)
            wait_ready(address, process, log)
            if previous is not None:
                at, before = previous
                after = snapshot(address, at)
                missing = [(series, t) for series, samples in before.items() for t, v in samples.items()
                           if after.get(series, {}).get(t) != v]
                lost += len(missing)
                checked += sum(len(s) for s in before.values())
                blocks = block_count(data)
                blocks_seen = max(blocks_seen, blocks)
                print(f'kill {kill}: {sum(len(s) for s in before.values())} samples committed before it, '
                      f'{len(missing)} missing after restart; {blocks} blocks', flush=True)
                for series, t in missing[:5]:
                    print(f'  missing {series} @ {t}', flush=True)
            if kill == args.kills:
                # Compaction runs at start and every minute: give the last start its chance to cut a block.
                deadline = time.time() + 75
                while blocks_seen == 0 and time.time() < deadline:
                    time.sleep(1)
                    blocks_seen = max(blocks_seen, block_count(data))
                process.send_signal(signal.SIGTERM)
                if process.wait(timeout=60) != 0:
                    raise SystemExit(f'serve did not stop cleanly:\n{open(log).read()[-3000:]}')
                break
            time.sleep(rng.uniform(args.min_delay, args.max_delay))
            blocks_seen = max(blocks_seen, block_count(data))
            at = time.time()
            previous = (at, snapshot(address, at))
            process.send_signal(signal.SIGKILL)
            process.wait()
        listing = subprocess.run([args.promtool, 'tsdb', 'list', data], capture_output=True, text=True)
        dump = subprocess.run([args.promtool, 'tsdb', 'dump', data], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dumped = dump.stdout.count(b'\n')
        promtool_ok = listing.returncode == 0 and dump.returncode == 0 and dumped > 0
        print(f'promtool: tsdb list exit {listing.returncode}, tsdb dump exit {dump.returncode} ({dumped} samples)'
              + ('' if promtool_ok else f'\n{listing.stderr[-2000:]}{dump.stderr[-2000:].decode()}'), flush=True)
        print(f'summary: {args.kills} kills in {time.time() - started:.0f} s, {checked} committed samples checked, '
              f'{lost} lost, up to {blocks_seen} blocks, promtool {"reads" if promtool_ok else "FAILS on"} the data directory')
        return 0 if lost == 0 and promtool_ok and checked > 0 else 1
    finally:
        simulate.send_signal(signal.SIGTERM)
        simulate.wait()
        if os.environ.get('KEEP') is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
