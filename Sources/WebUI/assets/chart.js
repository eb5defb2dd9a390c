// etcdmon's time-series charts: SVG drawn by hand (no library), so the binary carries everything.
// EtcdmonChart.draw(element, {series: [{name, key, points: [[seconds, value], ...]}], unit, start, end, step})
// draws lines with axes, a legend that toggles series, and a hover/keyboard cursor with values.
// `key` (default: the name) identifies a series across redraws: its colour, whether it is hidden,
// and the legend button that had focus stay with it.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var PALETTE = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#ec4899", "#84cc16", "#f97316", "#64748b"];

  function scaled(value, base, units) {
    var i = 0, v = Math.abs(value);
    while (v >= base && i < units.length - 1) { v /= base; value /= base; i++; }
    return trim(value) + units[i];
  }
  function trim(value) {
    var a = Math.abs(value);
    var text = a >= 100 ? value.toFixed(0) : a >= 10 ? value.toFixed(1) : value.toFixed(2);
    return text.indexOf(".") >= 0 ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  }
  /** A value as text in the panel's unit (Grafana's unit names). */
  function format(value, unit) {
    if (value === null || value === undefined || isNaN(value)) return "–";
    if (!isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
    switch (unit) {
      case "bytes": return scaled(value, 1024, [" B", " KiB", " MiB", " GiB", " TiB", " PiB"]);
      case "Bps": return scaled(value, 1024, [" B/s", " KiB/s", " MiB/s", " GiB/s", " TiB/s"]);
      case "ops": return scaled(value, 1000, [" ops/s", "K ops/s", "M ops/s", "G ops/s"]);
      case "s":
        var a = Math.abs(value);
        if (a === 0) return "0 s";
        if (a < 1e-3) return trim(value * 1e6) + " µs";
        if (a < 1) return trim(value * 1e3) + " ms";
        if (a < 60) return trim(value) + " s";
        if (a < 3600) return trim(value / 60) + " min";
        return trim(value / 3600) + " h";
      default: return scaled(value, 1000, ["", "K", "M", "G", "T"]);
    }
  }

  function niceStep(span, count) {
    var raw = span / count, power = Math.pow(10, Math.floor(Math.log10(raw))), n = raw / power;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
  }
  function binaryStep(span, count) {
    var raw = span / count, power = Math.pow(1024, Math.floor(Math.log(raw) / Math.log(1024)));
    var n = raw / power;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 4 ? 4 : n <= 8 ? 8 : n <= 16 ? 16 : n <= 32 ? 32 : n <= 64 ? 64 :
      n <= 128 ? 128 : n <= 256 ? 256 : n <= 512 ? 512 : 1024) * power;
  }
  var TIME_STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800];
  function timeLabel(seconds, span) {
    var d = new Date(seconds * 1000);
    var hm = String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
    if (span > 2 * 86400) return (d.getMonth() + 1) + "/" + d.getDate() + (d.getHours() || d.getMinutes() ? " " + hm : "");
    return span <= 300 ? hm + ":" + String(d.getSeconds()).padStart(2, "0") : hm;
  }
  function node(name, attributes, parent) {
    var element = document.createElementNS(NS, name);
    for (var key in attributes) element.setAttribute(key, attributes[key]);
    if (parent) parent.appendChild(element);
    return element;
  }

  function draw(element, options) {
    var state = element._chart || { hidden: {} };
    element._chart = state;
    state.options = options;
    render(element, state);
  }

  function render(element, state) {
    var options = state.options, unit = options.unit || "none";
    // Colours follow the sorted keys, so a series keeps its colour when the answer's order changes.
    var series = options.series.map(function (s) { return { name: s.name, key: s.key || s.name, points: s.points }; })
      .sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
    series.forEach(function (s, i) { s.colour = PALETTE[i % PALETTE.length]; });
    var visible = series.filter(function (s) { return !state.hidden[s.key]; });
    // Where the keyboard was, to put it back after the redraw.
    var active = document.activeElement, refocus = null;
    if (active && element.contains(active)) refocus = active.tagName.toLowerCase() === "svg" ? "svg" : active.getAttribute("data-key");
    var cursorAt = state.position; // removing the focused chart may blur it, which hides the cursor
    element.textContent = "";
    element.classList.add("chart-host");
    var box = document.createElement("div");
    box.className = "chart";
    element.appendChild(box);
    var width = Math.max(box.clientWidth || 400, 200), height = box.clientHeight || 190;
    var left = 64, right = 10, top = 8, bottom = 22;
    var svg = node("svg", { viewBox: "0 0 " + width + " " + height, role: "img", tabindex: "0",
      "aria-label": (options.title || "chart") + ": " + series.length + " series" }, box);
    var total = 0;
    visible.forEach(function (s) { s.points.forEach(function (p) { if (isFinite(p[1])) total++; }); });
    svg.setAttribute("data-points", String(total)); // finite values drawn, for tests
    svg.setAttribute("data-series", String(series.length));

    var start = options.start, end = options.end;
    var low = Infinity, high = -Infinity;
    visible.forEach(function (s) {
      s.points.forEach(function (p) { if (isFinite(p[1])) { low = Math.min(low, p[1]); high = Math.max(high, p[1]); } });
    });
    if (low === Infinity) { low = 0; high = 1; }
    if (low > 0) low = 0;
    if (high === low) high = low + (Math.abs(low) || 1);
    var binary = unit === "bytes" || unit === "Bps";
    var tick = binary ? binaryStep(high - low, 4) : niceStep(high - low, 4);
    low = Math.floor(low / tick) * tick; high = Math.ceil(high / tick) * tick;
    var plotW = width - left - right, plotH = height - top - bottom;
    function x(t) { return left + (t - start) / (end - start) * plotW; }
    function y(v) { return top + (1 - (v - low) / (high - low)) * plotH; }

    var axis = node("g", { class: "axis", "font-size": "11", fill: "currentColor" }, svg);
    axis.style.color = "var(--muted)";
    for (var v = low; v <= high + tick / 2; v += tick) {
      node("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "var(--grid)" }, axis);
      var label = node("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, axis);
      label.textContent = format(v, unit);
    }
    var span = end - start, tStep = TIME_STEPS[TIME_STEPS.length - 1];
    for (var i = 0; i < TIME_STEPS.length; i++) { if (span / TIME_STEPS[i] <= Math.max(2, plotW / 90)) { tStep = TIME_STEPS[i]; break; } }
    var offset = new Date().getTimezoneOffset() * 60;
    for (var t = Math.ceil((start - offset) / tStep) * tStep + offset; t <= end; t += tStep) {
      var text = node("text", { x: x(t), y: height - 6, "text-anchor": "middle" }, axis);
      text.textContent = timeLabel(t, span);
    }

    var gap = (options.step || 15) * 1.5;
    visible.forEach(function (s) {
      var d = "", previous = null;
      s.points.forEach(function (p) {
        if (!isFinite(p[1])) { previous = null; return; }
        d += (previous === null || p[0] - previous > gap ? "M" : "L") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1);
        previous = p[0];
      });
      if (s.points.length === 1 && isFinite(s.points[0][1])) {
        node("circle", { cx: x(s.points[0][0]), cy: y(s.points[0][1]), r: 2.5, fill: s.colour }, svg);
      }
      node("path", { d: d, fill: "none", stroke: s.colour, "stroke-width": "2", "stroke-linejoin": "round" }, svg);
    });
    if (total === 0) {
      var empty = document.createElement("div");
      empty.className = "empty";
      empty.textContent = options.emptyText || "No data";
      box.appendChild(empty);
    }

    // The cursor: the nearest time under the mouse, or moved with the arrow keys.
    var cursor = node("line", { y1: top, y2: top + plotH, stroke: "var(--muted)", "stroke-dasharray": "3,3", visibility: "hidden" }, svg);
    var tip = document.createElement("div");
    tip.className = "tip";
    tip.style.display = "none";
    box.appendChild(tip);
    var times = [];
    visible.forEach(function (s) { s.points.forEach(function (p) { times.push(p[0]); }); });
    times = Array.from(new Set(times)).sort(function (a, b) { return a - b; });
    var position = -1;
    function show(index) {
      if (!times.length) return;
      position = state.position = Math.max(0, Math.min(times.length - 1, index));
      var t = times[position];
      cursor.setAttribute("x1", x(t)); cursor.setAttribute("x2", x(t)); cursor.setAttribute("visibility", "visible");
      var rows = visible.map(function (s) {
        var hit = null;
        for (var k = 0; k < s.points.length; k++) { if (s.points[k][0] === t) { hit = s.points[k][1]; break; } }
        return hit === null ? null : { s: s, v: hit };
      }).filter(Boolean).sort(function (a, b) { return b.v - a.v; }).slice(0, 12);
      tip.textContent = "";
      var head = document.createElement("div");
      head.textContent = new Date(t * 1000).toLocaleString();
      tip.appendChild(head);
      rows.forEach(function (r) {
        var line = document.createElement("div");
        var swatch = document.createElement("i");
        swatch.style.cssText = "display:inline-block;width:8px;height:8px;margin-right:4px;background:" + r.s.colour;
        line.appendChild(swatch);
        line.appendChild(document.createTextNode(r.s.name + ": " + format(r.v, unit)));
        tip.appendChild(line);
      });
      tip.style.display = "block";
      var px = x(t) / width * box.clientWidth;
      tip.style.left = (px > box.clientWidth / 2 ? px - tip.offsetWidth - 10 : px + 10) + "px";
      tip.style.top = "4px";
    }
    function hide() { cursor.setAttribute("visibility", "hidden"); tip.style.display = "none"; state.position = -1; }
    svg.addEventListener("mousemove", function (event) {
      var rect = svg.getBoundingClientRect();
      var t = start + ((event.clientX - rect.left) / rect.width * width - left) / plotW * (end - start);
      var best = 0;
      for (var k = 1; k < times.length; k++) { if (Math.abs(times[k] - t) < Math.abs(times[best] - t)) best = k; }
      show(best);
    });
    svg.addEventListener("mouseleave", hide);
    svg.addEventListener("blur", hide);
    svg.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(position < 0 ? times.length - 1 : position - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(position < 0 ? 0 : position + 1); event.preventDefault(); }
      if (event.key === "Escape") hide();
    });

    var legend = document.createElement("div");
    legend.className = "legend";
    series.forEach(function (s) {
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-pressed", state.hidden[s.key] ? "false" : "true");
      button.setAttribute("data-key", s.key);
      var swatch = document.createElement("i");
      swatch.style.background = s.colour;
      button.appendChild(swatch);
      var last = null;
      for (var k = s.points.length - 1; k >= 0; k--) { if (isFinite(s.points[k][1])) { last = s.points[k][1]; break; } }
      button.appendChild(document.createTextNode(s.name + (last === null ? "" : " " + format(last, unit))));
      button.addEventListener("click", function () {
        state.hidden[s.key] = !state.hidden[s.key];
        render(element, state);
      });
      legend.appendChild(button);
      if (refocus !== null && refocus === s.key) button.focus();
    });
    element.appendChild(legend);
    if (refocus === "svg") {
      svg.focus();
      if (cursorAt >= 0) show(cursorAt);
    }
  }

  window.EtcdmonChart = { draw: draw, format: format };
})();
