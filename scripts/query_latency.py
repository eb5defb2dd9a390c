#!/usr/bin/env python3
"""Query latency of two Prometheus-compatible APIs over kept-alive connections, as Grafana and
most clients query: the same query list and evaluation times as promql_diff.py uses, each
request sent to both servers in turn (so both see the same machine noise), medians and p90s.

Usage: query_latency.py --ref URL --target URL --queries FILE --meta META.json [--instants 12]
"""
import argparse, http.client, json, re, statistics, time, urllib.parse


def load_queries(path):
    for line in open(path):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        mode = "both"
        match = re.match(r"^(range|instant):\s*(.*)$", text)
        if match:
            mode, text = match.group(1), match.group(2)
        yield mode, text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--meta", required=True)
    parser.add_argument("--instants", type=int, default=12)
    options = parser.parse_args()
    meta = json.load(open(options.meta))
    start, end = meta["start"], meta["end"]
    times = [start + 600 + (end - start - 600) * i / (options.instants - 1) for i in range(options.instants)]
    middle = (start + end) // 2
    ranges = [(start, end, 300), (middle - 1800, middle + 1800, 37)]
    servers = {}
    for name, url in (("ref", options.ref), ("target", options.target)):
        parts = urllib.parse.urlsplit(url)
        servers[name] = http.client.HTTPConnection(parts.hostname, parts.port)
    latencies = {(name, kind): [] for name in servers for kind in ("instant", "range")}

    def ask(name, path, parameters):
        connection = servers[name]
        began = time.perf_counter()
        connection.request("GET", path + "?" + urllib.parse.urlencode(parameters))
        response = connection.getresponse()
        response.read()
        return time.perf_counter() - began

    for mode, query in load_queries(options.queries):
        if mode in ("both", "instant"):
            for at in times:
                for name in servers:
                    latencies[(name, "instant")].append(ask(name, "/api/v1/query", {"query": query, "time": at}))
        if mode in ("both", "range"):
            for (first, last, step) in ranges:
                for name in servers:
                    latencies[(name, "range")].append(ask(name, "/api/v1/query_range",
                                                         {"query": query, "start": first, "end": last, "step": step}))
    for kind in ("instant", "range"):
        figures = {}
        for name in servers:
            values = sorted(latencies[(name, kind)])
            figures[name] = (statistics.median(values) * 1000, values[int(len(values) * 0.9)] * 1000, len(values))
        print("# kept-alive %s: ref median %.2f ms p90 %.2f ms; target median %.2f ms p90 %.2f ms (n=%d); median ratio %.2f"
              % (kind, figures["ref"][0], figures["ref"][1], figures["target"][0], figures["target"][1], figures["target"][2],
                 figures["target"][0] / figures["ref"][0]))


if __name__ == "__main__":
    main()
