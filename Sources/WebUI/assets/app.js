// etcdmon's pages. Everything they show comes from the public HTTP API (/api/v1, /api/v2), so
// Grafana or a script pointed at etcdmon reads the same numbers.
(function () {
  "use strict";
  var body = document.body, prefix = body.dataset.prefix, page = body.dataset.page;
  var main = document.getElementById("main");
  var format = EtcdmonChart.format;

  // ---- helpers -------------------------------------------------------------------------------

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    for (var key in attributes || {}) {
      var value = attributes[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") element.textContent = value;
      else if (key.slice(0, 2) === "on") element.addEventListener(key.slice(2), value);
      else element.setAttribute(key, value === true ? "" : value);
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }
  function badge(text, kind) { return el("span", { class: "badge " + (kind || text), text: text }); }
  function labelsView(labels, skip) {
    return el("span", { class: "labels" }, Object.keys(labels || {}).sort().filter(function (k) { return !(skip || []).includes(k); })
      .map(function (k) { return el("span", { text: k + "=" + labels[k] }); }));
  }
  function ago(seconds) {
    if (!seconds) return "never";
    var s = Math.max(0, Date.now() / 1000 - seconds);
    return s < 90 ? s.toFixed(1) + " s ago" : s < 5400 ? (s / 60).toFixed(0) + " min ago" : (s / 3600).toFixed(1) + " h ago";
  }
  function since(iso) { return iso && iso.indexOf("0001-") !== 0 ? ago(Date.parse(iso) / 1000) : "never"; }

  function api(path, options) {
    return fetch(prefix + path, Object.assign({ headers: { Accept: "application/json" } }, options || {})).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { /* plain-text error */ }
        if (!response.ok) {
          var error = new Error((json && (json.error || json.message || (json.errors && json.errors[0] && json.errors[0].msg))) || text || response.statusText);
          error.status = response.status;
          throw error;
        }
        return json && json.status === "success" ? json.data : json;
      });
    });
  }
  function form(parameters) {
    return Object.keys(parameters).map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(parameters[k]); }).join("&");
  }
  function query(expr, time) {
    return api("/api/v1/query", { method: "POST", body: form(time ? { query: expr, time: time } : { query: expr }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" } });
  }
  function queryRange(expr, start, end, step) {
    return api("/api/v1/query_range", { method: "POST", body: form({ query: expr, start: start, end: end, step: step }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" } });
  }
  function legendOf(template, metric) {
    if (!template) {
      var keys = Object.keys(metric).filter(function (k) { return k !== "__name__"; }).sort();
      return (metric.__name__ || "") + "{" + keys.map(function (k) { return k + '="' + metric[k] + '"'; }).join(", ") + "}";
    }
    // A label the series lacks (a cluster scraped without `member`) falls back to its instance.
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_, name) {
      return metric[name] !== undefined ? metric[name] : (metric.instance || "");
    });
  }
  /** A series' identity across refreshes: its labels and which of the panel's queries gave it. */
  function seriesKey(metric, index) {
    return index + ":" + Object.keys(metric).sort().map(function (k) { return k + "=" + metric[k]; }).join(",");
  }
  /** The error in place of the content; in a chart's box for charts, so the layout keeps its size. */
  function showError(container, error) {
    container.textContent = "";
    var message = el("p", { class: "error", role: "alert", text: String(error.message || error) });
    container.appendChild(container.classList.contains("chart-slot") ? el("div", { class: "chart" }, [message]) : message);
  }
  /** Tokens for a page's requests: only the answer to the latest one may paint. */
  function sequence() {
    var last = 0;
    return function () { var mine = ++last; return function () { return mine === last; }; };
  }
  var params = new URLSearchParams(location.search);
  function setParams(changes) {
    Object.keys(changes).forEach(function (k) { if (changes[k] === null || changes[k] === "") params.delete(k); else params.set(k, changes[k]); });
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
  }
  var timers = [];
  /** Runs `action` (which returns a promise) every `seconds`: never twice at once, not while the tab is hidden. */
  function every(seconds, action) {
    timers.forEach(clearInterval); timers = [];
    var pending = false;
    if (seconds > 0) timers.push(setInterval(function () {
      if (pending || document.hidden) return;
      pending = true;
      Promise.resolve(action()).then(function () { pending = false; }, function () { pending = false; });
    }, seconds * 1000));
  }
  /** Marks a refresh done: the time shown, a count and the first one's time since navigation (for tests and benchmarks). */
  function stamp(container) {
    container.dataset.refreshes = String(parseInt(container.dataset.refreshes || "0", 10) + 1);
    if (!container.dataset.loadedMs) container.dataset.loadedMs = performance.now().toFixed(1);
    var node = container.querySelector(".updated");
    if (node) node.textContent = "updated " + new Date().toLocaleTimeString();
  }

  // The dashboard definition (shared with `etcdmon export grafana`) and the scrape interval
  // of a cluster's members, from which Grafana's $__rate_interval is derived.
  var definition = null;
  function loadDefinition() {
    if (definition) return Promise.resolve(definition);
    return fetch(body.dataset.static + "/dashboard.json").then(function (r) { return r.json(); }).then(function (d) { definition = d; return d; });
  }
  var scrapeIntervals = {};
  function loadScrapeIntervals() {
    return api("/api/v1/targets?state=active").then(function (data) {
      (data.activeTargets || []).forEach(function (t) {
        var cluster = t.labels.cluster;
        if (cluster) scrapeIntervals[cluster] = parseDuration(t.scrapeInterval) || 15;
      });
      return data;
    });
  }
  function parseDuration(text) {
    var total = 0, match, re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g, factor = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
    while ((match = re.exec(text || ""))) total += parseFloat(match[1]) * factor[match[2]];
    return total;
  }
  function quote(text) { return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"'); }
  function regexEscape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  /** PromQL for a definition's query: `$cluster` is one cluster, `$clusters` a regex of several. */
  function resolve(expr, clusters, step) {
    var scrape = Math.max.apply(null, clusters.map(function (c) { return scrapeIntervals[c] || 15; }).concat([1]));
    var rate = Math.round(Math.max(4 * scrape, step + scrape)) + "s";
    var regex = quote(clusters.map(regexEscape).join("|")), first = quote(clusters[0] || "");
    // Functions, not replacement strings: a `$` in a cluster's name must stay a `$`.
    return expr.replace(/\$clusters\b/g, function () { return regex; }).replace(/\$cluster\b/g, function () { return first; })
      .replace(/\$__rate_interval/g, function () { return rate; });
  }
  function stepFor(span, width) { return Math.max(1, Math.ceil(span / Math.max(100, Math.min(width || 600, 1000) / 2))); }

  /**
   * Asks a panel's queries over [start, end] for `clusters` and draws them: into `hosts[cluster]`
   * each cluster's series (split by their `cluster` label) when `hosts` is a map, else all into `hosts`.
   */
  function chartPanel(hosts, panel, clusters, start, end, current) {
    var single = hosts instanceof Element;
    var width = single ? hosts.clientWidth : (hosts[clusters[0]] || {}).clientWidth;
    var scrape = Math.min.apply(null, clusters.map(function (c) { return scrapeIntervals[c] || 15; }).concat([60]));
    var step = Math.max(stepFor(end - start, width), scrape, panel.minInterval || 0);
    // Whole steps back from `end`, so the last point is now, not up to a step before it.
    start = end - Math.ceil((end - start) / step) * step;
    function draw(host, series) {
      EtcdmonChart.draw(host, { title: panel.title, series: series, unit: panel.unit, start: start, end: end, step: step });
    }
    return Promise.all(panel.targets.map(function (target, index) {
      return queryRange(resolve(target.expr, clusters, step), start, end, step).then(function (data) {
        return data.result.map(function (r) {
          return { name: legendOf(target.legend, r.metric), key: seriesKey(r.metric, index), cluster: r.metric.cluster,
            points: r.values.map(function (p) { return [p[0], parseFloat(p[1])]; }) };
        });
      });
    })).then(function (sets) {
      if (current && !current()) return;
      var series = [].concat.apply([], sets);
      if (single) return draw(hosts, series);
      clusters.forEach(function (c) { draw(hosts[c], series.filter(function (s) { return s.cluster === c; })); });
    }).catch(function (error) {
      if (current && !current()) return;
      if (single) showError(hosts, error); else clusters.forEach(function (c) { showError(hosts[c], error); });
    });
  }
  function statPanel(host, panel, cluster, time, current) {
    return query(resolve(panel.targets[0].expr, [cluster], 60), time).then(function (data) {
      if (current && !current()) return;
      var value = data.result.length ? parseFloat(data.result[0].value[1]) : NaN;
      host.textContent = "";
      host.appendChild(el("div", { class: "stat", "data-points": data.result.length, text: format(value, panel.unit) }));
    }).catch(function (error) { if (!current || current()) showError(host, error); });
  }

  // ---- overview ------------------------------------------------------------------------------

  function quorumWords(report) {
    var learners = report.members.filter(function (m) { return m.is_learner; }).length;
    var words = report.voting_members + " members, " + report.healthy_voting_members + " healthy, ";
    if (report.healthy_voting_members < report.quorum_size) words += "quorum lost (needs " + report.quorum_size + ")";
    else if (report.failures_tolerated === 0) words += "tolerates no more failures";
    else words += "tolerates " + report.failures_tolerated + " more failure" + (report.failures_tolerated === 1 ? "" : "s");
    return words + (learners ? " · " + learners + " learner" + (learners === 1 ? "" : "s") : "");
  }
  function probeCell(probe, fallbackNote) {
    if (!probe) return el("td", { class: "muted", text: "–" });
    var ok = probe.ok;
    return el("td", { title: probe.reason || (probe.via_health_fallback ? fallbackNote : "") },
      [el("span", { class: ok ? "good" : "bad", text: ok ? "✓" : "✗" }), probe.via_health_fallback ? el("span", { class: "muted", text: "*" }) : null]);
  }
  function dbCell(member, quota) {
    if (member.db_size_bytes === null) return el("td", { class: "muted", text: "–" });
    var share = quota ? member.db_size_bytes / quota : 0;
    var fill = el("span", { class: share > 0.8 ? "high" : "", style: "width:" + Math.min(100, share * 100).toFixed(1) + "%" });
    return el("td", { title: "in use " + format(member.db_size_in_use_bytes, "bytes") + (quota ? " of a " + format(quota, "bytes") + " quota" : "") },
      [quota ? el("span", { class: "bar", role: "meter", "aria-valuenow": (share * 100).toFixed(1), "aria-valuemin": "0", "aria-valuemax": "100",
        "aria-label": "database size against quota" }, [fill]) : null,
      format(member.db_size_bytes, "bytes") + (quota ? " / " + format(quota, "bytes") : "")]);
  }

  function overview() {
    main.textContent = "";
    var head = el("div", { class: "toolbar" }, [el("h1", { text: "Clusters" }), el("span", { class: "updated" })]);
    // A failed refresh says so here and leaves the last good cards in place.
    var problem = el("p", { class: "error", role: "alert" });
    var none = el("div", { class: "card", hidden: true }, [el("p", { text: "No etcd cluster is configured. Add one under etcd.clusters in the configuration file (docs/configuration.md); scrape targets are on the Targets page." })]);
    var content = el("div", { id: "clusters" });
    main.appendChild(head);
    main.appendChild(problem);
    main.appendChild(none);
    main.appendChild(content);
    var cards = {}, generation = 0, next = sequence();
    // Charts are asked for the cards in view (and near it) only: with hundreds of clusters, the
    // server's work follows what the reader sees; scrolling loads the rest.
    function inView(card) {
      var rect = card.charts.getBoundingClientRect();
      return rect.bottom > -200 && rect.top < window.innerHeight + 200;
    }
    function drawCharts() {
      var due = Object.keys(cards).filter(function (name) { return cards[name].drawn !== generation && inView(cards[name]); });
      if (!due.length) return Promise.resolve();
      var hosts = definition.overview.map(function () { return {}; });
      due.forEach(function (name) {
        cards[name].drawn = generation;
        cards[name].hosts.forEach(function (host, i) { hosts[i][name] = host; });
      });
      // One query per chart for all those clusters at once.
      var end = Math.floor(Date.now() / 1000), start = end - 3600;
      return Promise.all(definition.overview.map(function (panel, i) { return chartPanel(hosts[i], panel, due, start, end); }));
    }
    var scrolled = null;
    window.addEventListener("scroll", function () { clearTimeout(scrolled); scrolled = setTimeout(drawCharts, 150); }, { passive: true });
    function refresh() {
      var current = next();
      // The probed clusters (etcd.clusters), then any other cluster whose members are scraped.
      return Promise.all([api("/api/v1/etcd/clusters"), loadScrapeIntervals(), api("/api/v1/alerts").catch(function () { return { alerts: [] }; }),
        query("etcd_server_quota_backend_bytes").catch(function () { return { result: [] }; }),
        query("count by (cluster) (etcd_server_has_leader)").catch(function () { return { result: [] }; }), loadDefinition()])
        .then(function (all) {
          if (!current()) return;
          problem.textContent = "";
          var clusters = all[0].slice(), targets = all[1], alerts = all[2].alerts || [], quotas = {};
          all[3].result.forEach(function (r) { quotas[(r.metric.cluster || "") + "/" + r.metric.instance] = parseFloat(r.value[1]); });
          var probed = clusters.map(function (c) { return c.name; });
          all[4].result.map(function (r) { return r.metric.cluster; }).filter(function (n) { return n && !probed.includes(n); }).sort()
            .forEach(function (n) { clusters.push({ name: n, scrapedOnly: true, members: all[4].result.find(function (r) { return r.metric.cluster === n; }).value[1] }); });
          none.hidden = clusters.length > 0;
          // Clusters gone from the configuration (or no longer scraped) leave.
          var names = clusters.map(function (c) { return c.name; });
          Object.keys(cards).forEach(function (name) {
            if (!names.includes(name)) { cards[name].root.remove(); delete cards[name]; }
          });
          clusters.forEach(function (cluster) {
            var card = cards[cluster.name];
            if (!card) {
              card = cards[cluster.name] = { root: el("section", { class: "card", "data-cluster": cluster.name }), status: el("div"), charts: el("div", { class: "charts" }) };
              card.root.appendChild(card.status);
              card.root.appendChild(el("h3", { text: "Last hour" }));
              card.root.appendChild(card.charts);
              card.hosts = definition.overview.map(function (panel) {
                var host = el("div", { class: "chart-slot" }, [el("div", { class: "chart" }, [el("div", { class: "empty", text: "Shown when in view" })])]);
                card.charts.appendChild(el("div", { class: "panel" }, [el("h3", { title: panel.description || "", text: panel.title }), host]));
                return host;
              });
              content.appendChild(card.root);
            }
            if (cluster.scrapedOnly) renderScrapedCluster(card.status, cluster, targets);
            else renderCluster(card.status, cluster, targets, alerts, quotas);
          });
          generation++;
          return drawCharts().then(function () { stamp(main); });
        }).catch(function (error) { if (current()) problem.textContent = "Refresh failed: " + String(error.message || error); });
    }
    refresh();
    every(10, refresh);
  }

  function renderScrapedCluster(container, cluster, targets) {
    container.textContent = "";
    var mine = (targets.activeTargets || []).filter(function (t) { return t.labels.cluster === cluster.name; });
    var up = mine.filter(function (t) { return t.health === "up"; }).length;
    container.appendChild(el("div", { class: "card-head" }, [el("h2", { text: cluster.name }), badge("scraped", "unknown"),
      el("span", { class: "quorum", text: cluster.members + " members report metrics" + (mine.length ? ", " + up + " of " + mine.length + " targets up" : "") }),
      el("span", { class: "muted", text: "not probed: add it under etcd.clusters for health, quorum and findings" })]));
  }

  function renderCluster(container, cluster, targets, alerts, quotas) {
    container.textContent = "";
    var report = cluster.report;
    var title = el("div", { class: "card-head" }, [el("h2", { text: cluster.name }),
      report ? badge(report.verdict) : badge("unknown"),
      report ? el("span", { class: "quorum", text: quorumWords(report) }) : el("span", { class: "muted", text: "waiting for the first probe round" }),
      report && report.leader ? el("span", { class: "muted", text: "leader " + report.leader.name }) : null,
      el("span", { class: "muted", text: "checked " + ago(cluster.checkedAt) })]);
    container.appendChild(title);
    if (!report) return;
    var scrapes = {};
    (targets.activeTargets || []).forEach(function (t) { if (t.labels.cluster === cluster.name) scrapes[t.labels.instance] = t; });
    var rows = report.members.map(function (m) {
      var instance = m.endpoint.replace(/^[a-z]+:\/\//, "").replace(/\/.*$/, "");
      var scrape = scrapes[instance];
      var down = !m.reachable || !m.healthy;
      return el("tr", { class: down ? "down" : "", "data-member": m.name || m.endpoint, "data-state": m.reachable ? (m.healthy ? "healthy" : "unhealthy") : "down" }, [
        el("td", {}, [m.is_leader ? el("span", { class: "leader", title: "leader", "aria-label": "leader", text: "★ " }) : null, m.name || "(unnamed)",
          m.is_learner ? el("span", { class: "muted", text: " learner" }) : null]),
        el("td", { class: "mono", text: m.endpoint }),
        el("td", {}, [m.reachable ? badge(m.healthy ? "up" : "unhealthy", m.healthy ? "up" : "down") : badge("down"),
          m.errors && m.errors.length ? el("div", { class: "muted note", text: m.errors[0] }) : null]),
        el("td", { text: (m.version || "–") + " / " + (m.cluster_version || "–") }),
        probeCell(m.health), probeCell(m.livez, "etcd < 3.5.12 has no /livez"), probeCell(m.readyz, "etcd < 3.5.12 has no /readyz"),
        el("td", { class: "num", text: m.raft_term === null ? "–" : String(m.raft_term) }),
        el("td", { class: "num", text: m.raft_index === null ? "–" : String(m.raft_index) }),
        dbCell(m, quotas[cluster.name + "/" + instance]),
        el("td", { class: "num", text: m.latency_ms === null ? "–" : m.latency_ms.toFixed(1) + " ms" }),
        el("td", {}, scrape ? [badge(scrape.health, scrape.health === "up" ? "up" : scrape.health === "down" ? "down" : "unknown"),
          " " + since(scrape.lastScrape) + " · " + format(scrape.lastScrapeDuration, "s")] : ["–"]),
      ]);
    });
    var head = ["member", "endpoint", "state", "version / cluster", "health", "livez", "readyz", "raft term", "raft index", "DB size / quota", "probe", "last scrape"];
    container.appendChild(el("div", { class: "table-wrap" }, [el("table", { class: "members" }, [
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", { scope: "col", class: /raft|probe/.test(h) ? "num" : "", text: h }); }))]),
      el("tbody", {}, rows)])]));
    if (report.members.some(function (m) { return m.livez && m.livez.via_health_fallback; })) {
      container.appendChild(el("p", { class: "muted", text: "* answered through /health: etcd before 3.5.12 has no /livez or /readyz." }));
    }
    container.appendChild(el("h3", { text: "Findings" }));
    if (!report.findings.length) container.appendChild(el("p", { class: "good", text: "No problems found." }));
    else container.appendChild(el("ul", { class: "findings" }, report.findings.map(function (f) {
      return el("li", { "data-code": f.code }, [badge(f.severity), " ", el("strong", { text: f.summary }), el("div", { class: "advice", text: f.advice })]);
    })));
    var mine = alerts.filter(function (a) { return a.state !== "inactive" && (!a.labels.cluster || a.labels.cluster === cluster.name); });
    container.appendChild(el("h3", { text: "Active alerts" }));
    if (!mine.length) container.appendChild(el("p", { class: "muted", text: "None." }));
    else container.appendChild(el("ul", { class: "findings" }, mine.map(function (a) {
      return el("li", {}, [badge(a.state), " ", el("strong", { text: a.labels.alertname }), " ",
        el("span", { text: (a.annotations && (a.annotations.summary || a.annotations.description)) || "" }), " ", labelsView(a.labels, ["alertname"])]);
    })));
  }

  // ---- dashboard -----------------------------------------------------------------------------

  var RANGES = [["15m", 900], ["30m", 1800], ["1h", 3600], ["3h", 10800], ["6h", 21600], ["12h", 43200], ["24h", 86400], ["2d", 172800], ["7d", 604800]];
  function dashboard() {
    main.textContent = "";
    Promise.all([loadDefinition(), api("/api/v1/etcd/clusters"), api("/api/v1/label/cluster/values").catch(function () { return []; }), loadScrapeIntervals()])
      .then(function (all) {
        var names = all[1].map(function (c) { return c.name; });
        all[2].forEach(function (n) { if (!names.includes(n)) names.push(n); });
        if (!names.length) {
          // Nothing to show yet: say so, and look again (a cluster may be added by a reload).
          main.appendChild(el("p", { class: "muted", text: "No cluster to show yet: configure one under etcd.clusters, or scrape members with a cluster label." }));
          every(10, dashboard);
          return;
        }
        var cluster = params.get("cluster") || names[0] || "";
        var range = params.get("range") || definition.range;
        var refresh = params.get("refresh") || definition.refresh;
        var clusterSelect = el("select", { id: "cluster", onchange: function () { setParams({ cluster: clusterSelect.value }); draw(); } },
          names.map(function (n) { return el("option", { value: n, selected: n === cluster, text: n }); }));
        var rangeSelect = el("select", { id: "range", onchange: function () {
          custom.hidden = rangeSelect.value !== "custom";
          if (rangeSelect.value !== "custom") { setParams({ range: rangeSelect.value, from: null, to: null }); draw(); schedule(); }
        } }, RANGES.map(function (r) { return el("option", { value: r[0], selected: r[0] === range, text: "Last " + r[0] }); })
          .concat([el("option", { value: "custom", selected: range === "custom", text: "Custom…" })]));
        function local(seconds) { var d = new Date(seconds * 1000 - new Date().getTimezoneOffset() * 60000); return d.toISOString().slice(0, 16); }
        var now = Date.now() / 1000;
        var from = el("input", { type: "datetime-local", "aria-label": "from", value: local(parseFloat(params.get("from")) || now - 3600) });
        var to = el("input", { type: "datetime-local", "aria-label": "to", value: local(parseFloat(params.get("to")) || now) });
        var custom = el("span", {}, [from, " – ", to, " ", el("button", { class: "btn", type: "button", text: "Apply", onclick: function () {
          setParams({ range: "custom", from: Math.floor(Date.parse(from.value) / 1000), to: Math.floor(Date.parse(to.value) / 1000) }); draw(); schedule();
        } })]);
        custom.hidden = range !== "custom";
        var refreshSelect = el("select", { id: "refresh", onchange: function () { setParams({ refresh: refreshSelect.value }); schedule(); } },
          [["off", "Off"], ["10s", "10s"], ["30s", "30s"], ["1m", "1m"], ["5m", "5m"]].map(function (r) {
            return el("option", { value: r[0], selected: r[0] === refresh, text: r[1] });
          }));
        main.appendChild(el("div", { class: "toolbar" }, [el("h1", { text: definition.title + " dashboard" }),
          el("label", { for: "cluster", text: "Cluster" }), clusterSelect, el("label", { for: "range", text: "Range" }), rangeSelect, custom,
          el("label", { for: "refresh", text: "Refresh" }), refreshSelect, el("span", { class: "updated" })]));
        var grid = el("div", { class: "grid" });
        main.appendChild(grid);
        var hosts = definition.panels.map(function (panel) {
          var host = el("div", { class: "chart-slot", "data-panel": panel.title });
          var g = panel.grid;
          grid.appendChild(el("div", { class: "panel", style: "grid-column:" + (g[0] + 1) + " / span " + g[2] },
            [el("h3", { title: panel.description || "", text: panel.title }), host]));
          return host;
        });
        function window_() {
          var r = params.get("range") || definition.range;
          if (r === "custom") return [parseFloat(params.get("from")), parseFloat(params.get("to"))];
          var span = (RANGES.find(function (x) { return x[0] === r; }) || RANGES[0])[1];
          var end = Math.floor(Date.now() / 1000);
          return [end - span, end];
        }
        var next = sequence();
        function draw() {
          var c = clusterSelect.value, w = window_(), current = next();
          return Promise.all(definition.panels.map(function (panel, i) {
            return panel.type === "stat" ? statPanel(hosts[i], panel, c, w[1], current) : chartPanel(hosts[i], panel, [c], w[0], w[1], current);
          })).then(function () { if (current()) stamp(main); });
        }
        function schedule() {
          // A custom window does not move, so it is not asked again.
          every(params.get("range") === "custom" ? 0 : parseDuration(refreshSelect.value), draw);
        }
        draw();
        schedule();
      }).catch(function (error) { showError(main, error); });
  }

  // ---- alerts --------------------------------------------------------------------------------

  function alertsPage() {
    main.textContent = "";
    var content = el("div");
    main.appendChild(el("div", { class: "toolbar" }, [el("h1", { text: "Alerts" }), el("span", { class: "updated" })]));
    main.appendChild(content);
    var canSilence = body.dataset.notifications === "on", next = sequence();
    function refresh(force) {
      // A timed refresh waits while the reader is in the page (a silence form open, a button focused).
      if (!force && busy(content)) return Promise.resolve();
      var current = next();
      return Promise.all([api("/api/v1/alerts"),
        canSilence ? Promise.all([api("/api/v2/silences"), api("/api/v2/alerts"), api("/api/v1/notifications")]) : [[], [], []]]).then(function (all) {
          if (!current()) return;
          var alerts = all[0].alerts || [], am = all[1];
          content.textContent = "";
          var notified = {};
          am[1].forEach(function (a) { notified[key(a.labels)] = a.status; });
          ["firing", "pending"].forEach(function (state) {
            var list = alerts.filter(function (a) { return a.state === state; });
            content.appendChild(el("h3", { text: state[0].toUpperCase() + state.slice(1) + " (" + list.length + ")" }));
            if (!list.length) { content.appendChild(el("p", { class: "muted", text: "None." })); return; }
            content.appendChild(el("div", { class: "card table-wrap" }, [el("table", {}, [
              el("thead", {}, [el("tr", {}, ["alert", "labels", "active since", "value", "annotations", ""].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
              el("tbody", {}, list.map(function (a) {
                var status = notified[key(a.labels)];
                var actions = el("td");
                if (status && status.state === "suppressed") actions.appendChild(badge(status.silencedBy.length ? "silenced" : "inhibited", "unknown"));
                else if (canSilence) actions.appendChild(silenceButton(a.labels, function () { refresh(true); }));
                return el("tr", { "data-alert": a.labels.alertname }, [el("td", {}, [badge(a.state), " ", el("strong", { text: a.labels.alertname })]),
                  el("td", { class: "wrap" }, [labelsView(a.labels, ["alertname"])]), el("td", { text: since(a.activeAt) }), el("td", { class: "num", text: format(parseFloat(a.value), "none") }),
                  el("td", { class: "wrap" }, Object.keys(a.annotations || {}).sort().map(function (k) { return el("div", {}, [el("span", { class: "muted", text: k + ": " }), a.annotations[k]]); })),
                  actions]);
              }))])]));
          });
          content.appendChild(el("h3", { text: "Silences" }));
          if (!canSilence) {
            content.appendChild(el("p", { class: "muted", text: "Silences need etcdmon's notifications: start serve with --alertmanager.config.file (docs/alertmanager.md)." }));
          } else {
            var active = am[0].filter(function (s) { return s.status.state !== "expired"; });
            if (!active.length) content.appendChild(el("p", { class: "muted", text: "None." }));
            else content.appendChild(el("div", { class: "card table-wrap" }, [el("table", {}, [
              el("thead", {}, [el("tr", {}, ["matchers", "state", "ends", "created by", "comment", ""].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
              el("tbody", {}, active.map(function (s) {
                return el("tr", { "data-silence": s.id }, [el("td", { class: "mono", text: s.matchers.map(function (m) {
                  var op = m.isRegex ? (m.isEqual === false ? "!~" : "=~") : (m.isEqual === false ? "!=" : "=");
                  return m.name + op + '"' + m.value + '"'; }).join(", ") }),
                  el("td", {}, [badge(s.status.state, s.status.state === "active" ? "warning" : "unknown")]),
                  el("td", { text: new Date(s.endsAt).toLocaleString() }), el("td", { text: s.createdBy }), el("td", { class: "wrap", text: s.comment }),
                  el("td", {}, [el("button", { class: "btn", type: "button", text: "Expire", onclick: function () {
                    api("/api/v2/silence/" + encodeURIComponent(s.id), { method: "DELETE" }).then(function () { refresh(true); }, function (e) { alert(e.message); });
                  } })])]);
              }))])]));
            content.appendChild(el("h3", { text: "Notifications sent" }));
            var history = (am[2] || []).slice(0, 20);
            if (!history.length) content.appendChild(el("p", { class: "muted", text: "None yet." }));
            else content.appendChild(el("div", { class: "card table-wrap" }, [el("table", { id: "notifications" }, [
              el("thead", {}, [el("tr", {}, ["time", "receiver", "integration", "alerts", "outcome", "attempts"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
              el("tbody", {}, history.map(function (n) {
                return el("tr", {}, [el("td", { text: new Date(n.time).toLocaleString() }), el("td", { text: n.receiver }), el("td", { class: "mono", text: n.integration }),
                  el("td", { text: n.firing + " firing, " + n.resolved + " resolved" }),
                  el("td", { class: "wrap" }, [badge(n.outcome, n.outcome === "delivered" ? "ok" : "err"), n.error ? el("div", { class: "muted note", text: n.error }) : null]),
                  el("td", { class: "num", text: String(n.attempts) })]);
              }))])]));
          }
          stamp(main);
      }).catch(function (error) { if (current()) showError(content, error); });
    }
    refresh(true);
    every(15, function () { return refresh(false); });
  }
  /** Whether the reader is working in `content` (focus there, or a form open): timed refreshes wait. */
  function busy(content) { return content.contains(document.activeElement) || !!content.querySelector(".silence-form"); }
  function key(labels) { return Object.keys(labels).sort().map(function (k) { return k + "\u0000" + labels[k]; }).join("\u0001"); }
  function silenceButton(labels, done) {
    var cell = el("div");
    var button = el("button", { class: "btn", type: "button", text: "Silence…", onclick: function () {
      button.hidden = true;
      var duration = el("select", { "aria-label": "duration" }, ["1h", "4h", "1d", "7d"].map(function (d) { return el("option", { value: d, text: d }); }));
      var author = el("input", { "aria-label": "created by", placeholder: "your name", value: (function () { try { return localStorage.getItem("etcdmon.author") || ""; } catch (e) { return ""; } })() });
      var comment = el("input", { "aria-label": "comment", placeholder: "why" });
      var message = el("span", { role: "status" });
      cell.appendChild(el("div", { class: "silence-form" }, [duration, author, comment, el("button", { class: "btn primary", type: "button", text: "Create", onclick: function () {
        var now = new Date(), end = new Date(now.getTime() + parseDuration(duration.value) * 1000);
        try { localStorage.setItem("etcdmon.author", author.value); } catch (e) {}
        var matchers = Object.keys(labels).filter(function (k) { return k !== "alertstate"; }).map(function (k) {
          return { name: k, value: labels[k], isRegex: false, isEqual: true };
        });
        api("/api/v2/silences", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ matchers: matchers, startsAt: now.toISOString(), endsAt: end.toISOString(), createdBy: author.value || "etcdmon UI", comment: comment.value || "silenced from the alerts page" }) })
          .then(function (r) { message.textContent = "Silenced (" + r.silenceID + ")"; setTimeout(done, 500); }, function (e) { message.textContent = e.message; message.className = "error"; });
      } }), message]));
      duration.focus();
    } });
    cell.appendChild(button);
    return cell;
  }

  // ---- targets -------------------------------------------------------------------------------

  function targetsPage() {
    main.textContent = "";
    var onlyDown = el("input", { type: "checkbox", id: "only-down", checked: params.get("unhealthy") === "1", onchange: function () { setParams({ unhealthy: onlyDown.checked ? "1" : null }); refresh(true); } });
    var content = el("div");
    main.appendChild(el("div", { class: "toolbar" }, [el("h1", { text: "Targets" }), onlyDown, el("label", { for: "only-down", text: "unhealthy only" }), el("span", { class: "updated" })]));
    main.appendChild(content);
    var next = sequence();
    function refresh(force) {
      if (!force && busy(content)) return Promise.resolve();
      var current = next();
      return api("/api/v1/targets?state=active").then(function (data) {
        if (!current()) return;
        content.textContent = "";
        var byJob = {};
        data.activeTargets.forEach(function (t) { (byJob[t.scrapePool] = byJob[t.scrapePool] || []).push(t); });
        Object.keys(byJob).sort().forEach(function (job) {
          var list = byJob[job], up = list.filter(function (t) { return t.health === "up"; }).length;
          var shown = onlyDown.checked ? list.filter(function (t) { return t.health !== "up"; }) : list;
          content.appendChild(el("div", { class: "card table-wrap", "data-job": job }, [el("h2", { text: job + " (" + up + "/" + list.length + " up)" }),
            el("table", {}, [el("thead", {}, [el("tr", {}, ["endpoint", "state", "labels", "last scrape", "duration", "error"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
              el("tbody", {}, shown.map(function (t) {
                return el("tr", { class: t.health === "down" ? "down" : "" }, [el("td", { class: "mono" }, [/^https?:\/\//i.test(t.scrapeUrl) ? el("a", { href: t.scrapeUrl, text: t.scrapeUrl }) : t.scrapeUrl]),
                  el("td", {}, [badge(t.health, t.health)]), el("td", { class: "wrap" }, [labelsView(t.labels)]), el("td", { text: since(t.lastScrape) }),
                  el("td", { class: "num", text: format(t.lastScrapeDuration, "s") }), el("td", { class: "error", text: t.lastError })]);
              }))])]));
        });
        stamp(main);
      }).catch(function (error) { if (current()) showError(content, error); });
    }
    refresh(true);
    every(15, function () { return refresh(false); });
  }

  // ---- rules ---------------------------------------------------------------------------------

  function rulesPage() {
    main.textContent = "";
    var content = el("div");
    main.appendChild(el("div", { class: "toolbar" }, [el("h1", { text: "Rules" }), el("span", { class: "updated" })]));
    main.appendChild(content);
    var next = sequence();
    function refresh(force) {
      if (!force && busy(content)) return Promise.resolve();
      var current = next();
      return api("/api/v1/rules").then(function (data) {
        if (!current()) return;
        content.textContent = "";
        if (!data.groups.length) content.appendChild(el("p", { class: "muted", text: "No rules are loaded." }));
        data.groups.forEach(function (g) {
          content.appendChild(el("div", { class: "card table-wrap", "data-group": g.name }, [
            el("div", { class: "card-head" }, [el("h2", { text: g.name }), el("span", { class: "muted", text: g.file + " · every " + g.interval + " s · last " + since(g.lastEvaluation) + " in " + format(g.evaluationTime, "s") })]),
            el("table", {}, [el("thead", {}, [el("tr", {}, ["rule", "query", "state", "health", "last evaluation", "error"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
              el("tbody", {}, g.rules.map(function (r) {
                return el("tr", {}, [el("td", {}, [el("strong", { text: r.name }), el("div", { class: "muted", text: r.type === "alerting" ? "alert" + (r.duration ? ", for " + r.duration + " s" : "") : "record" })]),
                  el("td", { class: "mono wrap", text: r.query }), el("td", {}, r.state ? [badge(r.state)] : []), el("td", {}, [badge(r.health, r.health === "ok" ? "ok" : r.health === "err" ? "err" : "unknown")]),
                  el("td", { text: since(r.lastEvaluation) + " · " + format(r.evaluationTime, "s") }), el("td", { class: "error", text: r.lastError || "" })]);
              }))])]));
        });
        stamp(main);
      }).catch(function (error) { if (current()) showError(content, error); });
    }
    refresh(true);
    every(30, function () { return refresh(false); });
  }

  // ---- explore -------------------------------------------------------------------------------

  function explore() {
    main.textContent = "";
    var input = el("textarea", { id: "expr", "aria-label": "PromQL expression", spellcheck: "false", placeholder: "e.g. etcd_server_has_leader" });
    input.value = params.get("expr") || "";
    var range = el("select", { "aria-label": "range" }, RANGES.map(function (r) { return el("option", { value: r[0], selected: r[0] === (params.get("range") || "1h"), text: "Last " + r[0] }); }));
    // Two toggle buttons choose the view (a table of the instant query, or a graph of the range query).
    var graphView = params.get("tab") === "graph";
    var asTable = el("button", { type: "button", class: "btn", "data-view": "table", text: "Table" });
    var asGraph = el("button", { type: "button", class: "btn", "data-view": "graph", text: "Graph" });
    function showView() {
      asTable.setAttribute("aria-pressed", String(!graphView));
      asGraph.setAttribute("aria-pressed", String(graphView));
    }
    showView();
    var result = el("div", { id: "result", "aria-live": "polite" });
    var status = el("div", { id: "status", role: "status" });
    function choose(graph) {
      graphView = graph;
      showView();
      setParams({ tab: graph ? "graph" : null });
      run();
    }
    asTable.addEventListener("click", function () { choose(false); });
    asGraph.addEventListener("click", function () { choose(true); });
    input.addEventListener("keydown", function (e) { if (e.key === "Enter" && (e.ctrlKey || e.metaKey || !e.shiftKey)) { e.preventDefault(); run(); } });
    range.addEventListener("change", function () { setParams({ range: range.value }); run(); });
    main.appendChild(el("h1", { text: "Explore" }));
    main.appendChild(el("div", { class: "card" }, [input, el("div", { class: "toolbar" }, [
      el("button", { class: "btn primary", type: "button", id: "execute", text: "Execute", onclick: run }), range,
      el("span", { class: "views", role: "group", "aria-label": "view" }, [asTable, asGraph]),
      el("span", { class: "muted", text: "Enter runs; Shift+Enter adds a line" })]), status, result]));
    var next = sequence();
    function run() {
      var expr = input.value.trim(), current = next();
      setParams({ expr: expr || null });
      status.textContent = ""; result.textContent = "";
      if (!expr) return;
      var started = performance.now(), graph = graphView;
      var end = Math.floor(Date.now() / 1000), span = (RANGES.find(function (r) { return r[0] === range.value; }) || RANGES[2])[1];
      var step = stepFor(span, result.clientWidth), start = end - Math.ceil(span / step) * step;
      (graph ? queryRange(expr, start, end, step) : query(expr)).then(function (data) {
        if (!current()) return;
        status.appendChild(el("span", { class: "muted", text: "Answered in " + (performance.now() - started).toFixed(0) + " ms" }));
        if (!graph) return result.appendChild(resultTable(data));
        var host = el("div");
        result.appendChild(host);
        if (data.resultType !== "matrix") { host.appendChild(el("p", { class: "muted", text: "A " + data.resultType + " has no graph; see the table." })); return; }
        EtcdmonChart.draw(host, { title: expr, unit: "none", start: start, end: end, step: step,
          series: data.result.map(function (r) { return { name: legendOf("", r.metric), key: seriesKey(r.metric, 0), points: r.values.map(function (p) { return [p[0], parseFloat(p[1])]; }) }; }) });
      }).catch(function (error) {
        if (!current()) return;
        var message = String(error.message);
        status.appendChild(el("div", { class: "error", role: "alert", text: message }));
        var at = /(\d+):(\d+): parse error/.exec(message);
        if (at) {
          var lines = expr.split("\n"), line = lines[parseInt(at[1], 10) - 1] || "", column = parseInt(at[2], 10);
          status.appendChild(el("pre", { class: "caret", "aria-label": "error position", text: line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^" }));
        }
      });
    }
    run();
    input.focus();
  }
  function resultTable(data) {
    var rows = [];
    if (data.resultType === "vector") rows = data.result.map(function (r) { return [legendOf("", r.metric), r.value[1]]; });
    else if (data.resultType === "matrix") rows = data.result.map(function (r) { return [legendOf("", r.metric), r.values.map(function (v) { return v[1] + " @" + v[0]; }).join("\n")]; });
    else rows = [[data.resultType, String(data.result[1])]];
    if (!rows.length) return el("p", { class: "muted", text: "Empty result." });
    return el("div", { class: "table-wrap" }, [el("table", {}, [el("tbody", {}, rows.map(function (r) {
      return el("tr", {}, [el("td", { class: "mono", text: r[0] }), el("td", { class: "num mono", style: "white-space:pre", text: r[1] })]);
    }))])]);
  }

  // ---- profiles ------------------------------------------------------------------------------

  // ---- traces --------------------------------------------------------------------------------

  function jaeger(path) { return api(path).then(function (answer) { return answer.data || []; }); }
  function micros(us) { return us >= 1e6 ? (us / 1e6).toFixed(2) + " s" : us >= 1000 ? (us / 1000).toFixed(2) + " ms" : us + " µs"; }
  function tagsOf(list) { var tags = {}; (list || []).forEach(function (t) { tags[t.key] = t.value; }); return tags; }

  function tracesPage() {
    main.textContent = "";
    main.appendChild(el("div", { class: "toolbar" }, [el("h1", { text: "Traces" }), el("span", { class: "updated" })]));
    var slow = el("div", { class: "card table-wrap", id: "slow" });
    var controls = el("form", { class: "card toolbar", id: "trace-search" });
    var results = el("div", { class: "card table-wrap", id: "traces" });
    var view = el("div", { id: "trace-view" });
    [slow, controls, results, view].forEach(function (node) { main.appendChild(node); });

    // Slow requests per method and member, from the span metrics (PromQL, so Grafana shows the same).
    var window_ = "5m";
    Promise.all([
      query("histogram_quantile(0.99, sum by (span_name, member, le) (rate(traces_spanmetrics_latency_bucket[" + window_ + "])))"),
      query("sum by (span_name, member) (rate(traces_spanmetrics_calls_total[" + window_ + "]))"),
    ]).then(function (answers) {
      var rate = {};
      answers[1].result.forEach(function (r) { rate[r.metric.span_name + "|" + r.metric.member] = parseFloat(r.value[1]); });
      var rows = answers[0].result.filter(function (r) { return isFinite(parseFloat(r.value[1])); })
        .sort(function (a, b) { return parseFloat(b.value[1]) - parseFloat(a.value[1]); }).slice(0, 20);
      slow.appendChild(el("h2", { text: "Slowest requests by method and member (p99, last " + window_ + ")" }));
      if (!rows.length) { slow.appendChild(el("p", { class: "muted", text: "No span metrics yet: etcd 3.5+ exports spans with --experimental-enable-distributed-tracing=true --experimental-distributed-tracing-address=<etcdmon's --otlp.grpc-listen-address>." })); return; }
      slow.appendChild(el("table", {}, [el("thead", {}, [el("tr", {}, ["method", "member", "p99", "requests/s", ""].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
        el("tbody", {}, rows.map(function (r) {
          var p99 = parseFloat(r.value[1]), m = r.metric;
          return el("tr", { "data-slow": m.span_name + "|" + (m.member || "") }, [el("td", { class: "mono", text: m.span_name }), el("td", { text: m.member || "–" }),
            el("td", { class: "num", text: format(p99, "s") }), el("td", { class: "num", text: format(rate[m.span_name + "|" + m.member] || 0, "ops") }),
            el("td", {}, [el("button", { class: "btn", type: "button", text: "Slowest traces", onclick: function () {
              operation.value = m.span_name; member.value = m.member || ""; minDuration.value = Math.max(1, Math.round(p99 * 500)) + "ms"; search();
            } })])]);
        }))]));
    }).catch(function (error) { showError(slow, error); });

    var service = el("select", { id: "trace-service", "aria-label": "service", onchange: function () { fillOperations(); } });
    var operation = el("select", { id: "trace-operation", "aria-label": "operation" });
    var member = el("input", { id: "trace-member", "aria-label": "member", placeholder: "any", style: "width:7em", value: params.get("member") || "" });
    var minDuration = el("input", { id: "trace-min", "aria-label": "minimum duration", placeholder: "e.g. 100ms", style: "width:7em", value: params.get("minDuration") || "" });
    var limit = el("input", { id: "trace-limit", type: "number", min: "1", max: "1500", value: "20", "aria-label": "limit", style: "width:5em" });
    [el("label", { for: "trace-service", text: "Service" }), service, el("label", { for: "trace-operation", text: "Operation" }), operation,
      el("label", { for: "trace-member", text: "Member" }), member, el("label", { for: "trace-min", text: "Min duration" }), minDuration,
      el("label", { for: "trace-limit", text: "Limit" }), limit, el("button", { class: "btn primary", type: "submit", text: "Find traces" })]
      .forEach(function (node) { controls.appendChild(node); });
    controls.addEventListener("submit", function (event) { event.preventDefault(); search(); });
    function fillOperations() {
      return jaeger("/api/services/" + encodeURIComponent(service.value) + "/operations").then(function (names) {
        operation.textContent = "";
        operation.appendChild(el("option", { value: "", text: "all" }));
        names.forEach(function (n) { operation.appendChild(el("option", { value: n, text: n, selected: n === params.get("operation") })); });
      });
    }
    jaeger("/api/services").then(function (services) {
      services.forEach(function (s) { service.appendChild(el("option", { value: s, text: s, selected: s === (params.get("service") || "etcd") })); });
      if (!services.length) { results.appendChild(el("p", { class: "muted", text: "No spans received yet." })); return; }
      return fillOperations().then(search);
    }).catch(function (error) { showError(results, error); });

    function search() {
      var tags = member.value ? JSON.stringify({ member: member.value }) : "";
      var parameters = { service: service.value, operation: operation.value, minDuration: minDuration.value, limit: limit.value, lookback: "24h" };
      if (tags) parameters.tags = tags;
      setParams({ service: service.value, operation: operation.value, member: member.value, minDuration: minDuration.value });
      return jaeger("/api/traces?" + form(parameters)).then(function (traces) {
        results.textContent = "";
        results.appendChild(el("h2", { text: "Traces (" + traces.length + ")" }));
        if (!traces.length) { results.appendChild(el("p", { class: "muted", text: "No trace matches." })); return; }
        results.appendChild(el("table", {}, [el("thead", {}, [el("tr", {}, ["started", "root operation", "member", "duration", "spans", ""].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
          el("tbody", {}, traces.map(function (trace) {
            var spans = trace.spans.slice().sort(function (a, b) { return a.startTime - b.startTime; });
            var root = spans.find(function (s) { return !s.references.length; }) || spans[0];
            var end = Math.max.apply(null, spans.map(function (s) { return s.startTime + s.duration; }));
            var process = trace.processes[root.processID] || {};
            return el("tr", { "data-trace": trace.traceID }, [el("td", { text: new Date(spans[0].startTime / 1000).toLocaleString() }), el("td", { class: "mono", text: root.operationName }),
              el("td", { text: tagsOf(process.tags).member || "–" }), el("td", { class: "num", text: micros(end - spans[0].startTime) }), el("td", { class: "num", text: String(spans.length) }),
              el("td", {}, [el("button", { class: "btn", type: "button", text: "View", onclick: function () { showTrace(trace.traceID); } })])]);
          }))]));
        stamp(main);
      }).catch(function (error) { results.textContent = ""; showError(results, error); });
    }

    // The waterfall: each span a bar on the trace's time line, indented under its parent.
    function showTrace(id) {
      jaeger("/api/traces/" + encodeURIComponent(id)).then(function (traces) {
        var trace = traces[0];
        var spans = trace.spans.slice().sort(function (a, b) { return a.startTime - b.startTime; });
        var byID = {}, depth = {};
        spans.forEach(function (s) { byID[s.spanID] = s; });
        function depthOf(s, seen) {
          if (depth[s.spanID] !== undefined) return depth[s.spanID];
          var parent = s.references.length ? byID[s.references[0].spanID] : null;
          return (depth[s.spanID] = parent && seen < 64 ? depthOf(parent, seen + 1) + 1 : 0);
        }
        var start = spans[0].startTime, end = Math.max.apply(null, spans.map(function (s) { return s.startTime + s.duration; }));
        var total = Math.max(1, end - start);
        view.textContent = "";
        view.appendChild(el("div", { class: "card" }, [el("h2", { text: "Trace " + trace.traceID + " · " + micros(total) + " · " + spans.length + " spans" }),
          el("div", { class: "waterfall", id: "waterfall", role: "list" }, spans.map(function (s) {
            var process = trace.processes[s.processID] || {};
            var left = (s.startTime - start) / total * 100, width = Math.max(0.3, s.duration / total * 100);
            var tags = tagsOf(s.tags);
            return el("div", { class: "span-row" + (tags.error === true || tags.error === "true" ? " failed" : ""), role: "listitem", "data-span": s.spanID, tabindex: "0",
              title: Object.keys(tags).map(function (k) { return k + "=" + tags[k]; }).join("\n") }, [
              el("div", { class: "span-name", style: "padding-left:" + depthOf(s, 0) + "em" }, [el("span", { class: "mono", text: s.operationName }), " ",
                el("span", { class: "muted", text: process.serviceName + (tagsOf(process.tags).member ? " · " + tagsOf(process.tags).member : "") })]),
              el("div", { class: "span-track" }, [el("div", { class: "span-bar", style: "left:" + left.toFixed(2) + "%;width:" + width.toFixed(2) + "%" }),
                el("span", { class: "span-time", text: micros(s.duration) })])]);
          }))]));
        view.scrollIntoView();
      }).catch(function (error) { showError(view, error); });
    }
  }

  function profilesPage() {
    main.textContent = "";
    main.appendChild(el("div", { class: "toolbar" }, [el("h1", { text: "Profiles" }), el("span", { class: "updated" })]));
    var controls = el("div", { class: "card toolbar" });
    var list = el("div", { class: "card table-wrap", id: "captures" });
    var view = el("div", { id: "profile-view" });
    main.appendChild(controls);
    main.appendChild(list);
    main.appendChild(view);
    api("/api/v1/etcd/clusters").then(function (clusters) {
      if (!clusters.length) { controls.appendChild(el("p", { class: "muted", text: "Profiles are captured from the members of etcd.clusters; none is configured." })); return; }
      var clusterSelect = el("select", { id: "profile-cluster", "aria-label": "cluster", onchange: fillMembers },
        clusters.map(function (c) { return el("option", { value: c.name, text: c.name }); }));
      var memberSelect = el("select", { id: "profile-member", "aria-label": "member" });
      function fillMembers() {
        var cluster = clusters.find(function (c) { return c.name === clusterSelect.value; });
        memberSelect.textContent = "";
        ((cluster && cluster.report && cluster.report.members) || []).forEach(function (m) {
          if (m.name) memberSelect.appendChild(el("option", { value: m.name, text: m.name + (m.is_leader ? " (leader)" : "") }));
        });
      }
      fillMembers();
      var kind = el("select", { id: "profile-kind", "aria-label": "profile" }, ["cpu", "heap", "allocs", "goroutine", "mutex", "block", "threadcreate"]
        .map(function (k) { return el("option", { value: k, text: k }); }));
      var seconds = el("input", { id: "profile-seconds", type: "number", min: "1", max: "300", value: "10", "aria-label": "seconds (cpu)", style: "width:5em" });
      var status = el("span", { role: "status", id: "capture-status" });
      var button = el("button", { class: "btn primary", type: "button", id: "capture", text: "Capture", onclick: function () {
        button.disabled = true;
        status.className = "muted";
        status.textContent = kind.value === "cpu" ? "profiling for " + seconds.value + " s…" : "capturing…";
        api("/api/v1/etcd/profiles", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
          body: form({ cluster: clusterSelect.value, member: memberSelect.value, profile: kind.value, seconds: seconds.value }) })
          .then(function (capture) { status.textContent = "captured " + capture.id; refresh().then(function () { show(capture.id); }); },
            function (error) { status.className = "error"; status.textContent = String(error.message); })
          .then(function () { button.disabled = false; });
      } });
      [el("label", { for: "profile-cluster", text: "Cluster" }), clusterSelect, el("label", { for: "profile-member", text: "Member" }), memberSelect,
        el("label", { for: "profile-kind", text: "Profile" }), kind, el("label", { for: "profile-seconds", text: "Seconds" }), seconds, button, status]
        .forEach(function (node) { controls.appendChild(node); });
    }).catch(function (error) { showError(controls, error); });
    var all = [];
    function refresh() {
      return api("/api/v1/etcd/profiles").then(function (captures) {
        all = captures;
        // An alert's link names the member: its captures only.
        captures = captures.filter(function (c) {
          return (!params.get("member") || c.member === params.get("member")) && (!params.get("cluster") || c.cluster === params.get("cluster"));
        });
        list.textContent = "";
        list.appendChild(el("h2", { text: "Captures (" + captures.length + ")" }));
        if (!captures.length) { list.appendChild(el("p", { class: "muted", text: "None yet: capture one above, or with the API (POST /api/v1/etcd/profiles)." })); return; }
        list.appendChild(el("table", {}, [el("thead", {}, [el("tr", {}, ["taken", "cluster", "member", "profile", "size", "why", ""].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
          el("tbody", {}, captures.map(function (c) {
            return el("tr", { "data-capture": c.id }, [el("td", { text: new Date(c.takenAt * 1000).toLocaleString() }), el("td", { text: c.cluster }), el("td", { text: c.member }),
              el("td", { text: c.kind }), el("td", { class: "num", text: format(c.bytes, "bytes") }), el("td", { text: c.reason }),
              el("td", {}, [el("button", { class: "btn", type: "button", text: "View", onclick: function () { show(c.id); } }), " ",
                el("a", { href: prefix + "/api/v1/etcd/profiles/" + encodeURIComponent(c.id), download: c.id + ".pb.gz", text: "download" })])]);
          }))]));
        stamp(main);
      }).catch(function (error) { showError(list, error); });
    }
    function show(id, sampleIndex, base) {
      var query = sampleIndex ? "?sample_index=" + encodeURIComponent(sampleIndex) : "";
      var topQuery = query + (base ? (query ? "&" : "?") + "base=" + encodeURIComponent(base) : "");
      var capture = all.find(function (c) { return c.id === id; }) || {};
      Promise.all([api("/api/v1/etcd/profiles/" + encodeURIComponent(id) + "/top" + topQuery), api("/api/v1/etcd/profiles/" + encodeURIComponent(id) + "/flame" + query)])
        .then(function (results) {
          var top = results[0], flame = results[1];
          view.textContent = "";
          var types = el("select", { "aria-label": "sample type", onchange: function () { show(id, types.value, compare.value); } },
            top.sampleTypes.map(function (t) { return el("option", { value: t, selected: t === top.type, text: t }); }));
          // The difference from an earlier capture of the same kind: what grew (positive) or shrank.
          var compare = el("select", { id: "profile-base", "aria-label": "compare with", onchange: function () { show(id, types.value, compare.value); } },
            [el("option", { value: "", text: "no comparison" })].concat(all.filter(function (c) { return c.id !== id && c.kind === capture.kind; }).map(function (c) {
              return el("option", { value: c.id, selected: c.id === base, text: "less " + c.id });
            })));
          view.appendChild(el("div", { class: "card" }, [el("div", { class: "card-head" }, [el("h2", { text: id }), types, compare]),
            el("pre", { class: "mono", text: top.labels.join("\n") }),
            el("h3", { text: "Flame graph" }), el("div", { id: "flame", class: "flame" }),
            el("h3", { text: base ? "Top functions: the difference from " + base + " (what grew is positive)" : "Top functions" }),
            el("div", { class: "table-wrap" }, [el("table", { id: "top" }, [el("thead", {}, [el("tr", {}, ["flat", "flat%", "cum", "cum%", "function"].map(function (h) {
              return el("th", { scope: "col", class: h === "function" ? "" : "num", text: h }); }))]),
              el("tbody", {}, top.functions.slice(0, 40).map(function (f) {
                function share(v) { return top.total ? (Math.abs(v) / top.total * 100).toFixed(2) + "%" : "–"; }
                return el("tr", {}, [el("td", { class: "num", text: f.flatText }), el("td", { class: "num", text: share(f.flat) }), el("td", { class: "num", text: f.cumText }),
                  el("td", { class: "num", text: share(f.cum) }), el("td", { class: "mono", text: f.name + (f.inline ? " " + f.inline : "") })]);
              }))])])]));
          drawFlame(document.getElementById("flame"), flame.root, flame.unit);
          view.scrollIntoView();
        }).catch(function (error) { showError(view, error); });
    }
    refresh();
  }

  /** An icicle flame graph (root on top) drawn as SVG; click or Enter zooms into a frame, Escape goes back. */
  function drawFlame(host, root, unit) {
    var ROW = 18, path = [root];
    function render() {
      var focus = path[path.length - 1], width = Math.max(host.clientWidth || 800, 300);
      var rects = [];
      (function layout(node, x, w, depth) {
        if (w < 0.5 || depth > 255) return;
        rects.push({ node: node, x: x, w: w, y: depth * ROW });
        var offset = x;
        node.children.forEach(function (child) {
          var cw = node.value ? w * child.value / node.value : 0;
          layout(child, offset, cw, depth + 1);
          offset += cw;
        });
      })(focus, 0, width, 0);
      var height = (Math.max.apply(null, rects.map(function (r) { return r.y; })) + ROW) || ROW;
      host.textContent = "";
      var NS = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.setAttribute("width", "100%");
      svg.setAttribute("height", String(height));
      svg.setAttribute("data-nodes", String(rects.length));
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "flame graph of " + focus.name + ", " + rects.length + " frames");
      rects.forEach(function (r) {
        var g = document.createElementNS(NS, "g");
        g.setAttribute("tabindex", r.w > 20 ? "0" : "-1");
        var rect = document.createElementNS(NS, "rect");
        rect.setAttribute("x", r.x.toFixed(1)); rect.setAttribute("y", r.y); rect.setAttribute("width", Math.max(0.5, r.w - 1).toFixed(1)); rect.setAttribute("height", ROW - 1);
        var hue = 20 + (Math.abs(hash(r.node.name)) % 40);
        rect.setAttribute("fill", "hsl(" + hue + ", 80%, " + (r.node === focus ? 45 : 60) + "%)");
        var title = document.createElementNS(NS, "title");
        title.textContent = r.node.name + " — " + EtcdmonChart.format(r.node.value, unit === "nanoseconds" ? "ns" : unit) + " (" + (root.value ? (r.node.value / root.value * 100).toFixed(2) : 0) + "%)";
        g.appendChild(title);
        g.appendChild(rect);
        if (r.w > 40) {
          var text = document.createElementNS(NS, "text");
          text.setAttribute("x", (r.x + 3).toFixed(1)); text.setAttribute("y", r.y + 13); text.setAttribute("font-size", "11");
          var chars = Math.floor((r.w - 6) / 6.5);
          text.textContent = r.node.name.length > chars ? r.node.name.slice(0, Math.max(0, chars - 1)) + "…" : r.node.name;
          g.appendChild(text);
        }
        function zoom() { if (r.node !== focus) { path.push(r.node); render(); } else if (path.length > 1) { path.pop(); render(); } }
        g.addEventListener("click", zoom);
        g.addEventListener("keydown", function (e) {
          if (e.key === "Enter") zoom();
          if (e.key === "Escape" && path.length > 1) { path.pop(); render(); }
        });
        svg.appendChild(g);
      });
      host.appendChild(svg);
    }
    function hash(text) { var h = 0; for (var i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0; return h; }
    render();
  }

  // ---- start ---------------------------------------------------------------------------------

  document.getElementById("theme").addEventListener("click", function () {
    var next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem("etcdmon.theme", next); } catch (e) {}
  });
  var current = document.querySelector('[data-nav="' + page + '"]');
  if (current) current.setAttribute("aria-current", "page");
  ({ overview: overview, dashboard: dashboard, alerts: alertsPage, targets: targetsPage, rules: rulesPage, explore: explore,
    profiles: profilesPage, traces: tracesPage }[page] || overview)();
})();
