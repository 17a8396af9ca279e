// The estates map as one HTML file: the GeoJSON inline, drawn as SVG by a short script.
// No tile server and no network: a street office can open it from a USB stick.
#include <string>

#include "renewal/base/html.h"
#include "renewal/registry/map.h"

namespace renewal {
namespace {

// JSON inside <script>: "</" can only occur in a JSON string, where "<\/" means the same.
std::string EscapeScript(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

constexpr char kHead[] = R"(<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)";

constexpr char kStyle[] = R"(</title>
<style>
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;display:flex;height:100vh;color:#222}
#map{flex:1;position:relative;min-width:0}
#svg{width:100%;height:100%;background:#f4f4ef;display:block}
#side{width:360px;overflow:auto;border-left:1px solid #bbb;padding:8px 14px;font-size:13px}
#legend{position:absolute;left:12px;top:12px;background:#fff;border:1px solid #888;padding:6px 10px;font-size:13px;line-height:1.7}
.sw{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px;vertical-align:middle}
table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #e4e4e4;padding:2px 4px;vertical-align:top;word-break:break-all}
td.k{color:#555;white-space:nowrap}
circle{cursor:pointer;stroke:#fff;stroke-width:1.5}circle.sel{stroke:#000;stroke-width:3}
ul{padding-left:18px;margin:4px 0}
</style></head><body>
<div id="map"><svg id="svg" viewBox="0 0 1000 700" preserveAspectRatio="xMidYMid meet"></svg><div id="legend"></div></div>
<div id="side"><h3>)";

constexpr char kBody[] = R"(</h3><p>点击小区查看情况与理由。<br>Click an estate for its facts and reasons.</p><div id="info"></div></div>
<script id="estates" type="application/geo+json">)";

constexpr char kScript[] = R"(</script>
<script>
"use strict";
const STATUS = {
  eligible: ["#2e7d32", "符合改造条件", "eligible"],
  ineligible: ["#c62828", "不符合改造条件", "ineligible"],
  undetermined: ["#f9a825", "待核实", "undetermined"],
  none: ["#1565c0", "未筛查", "not screened"],
};
const NS = "http://www.w3.org/2000/svg";
const data = JSON.parse(document.getElementById("estates").textContent);
const svg = document.getElementById("svg");
const placed = data.features.filter(f => f.geometry && f.geometry.type === "Point");
const statusOf = f => (f.properties.status in STATUS ? f.properties.status : "none");
const circles = new Map();  // estate id -> its circle

function draw() {
  if (placed.length === 0) return;
  const lons = placed.map(f => f.geometry.coordinates[0]);
  const lats = placed.map(f => f.geometry.coordinates[1]);
  const x0 = Math.min(...lons), x1 = Math.max(...lons);
  const y0 = Math.min(...lats), y1 = Math.max(...lats);
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);  // equirectangular, true at mid-latitude
  const w = Math.max((x1 - x0) * k, 1e-6), h = Math.max(y1 - y0, 1e-6);
  const s = Math.min(900 / w, 600 / h);
  const ox = 500 - (w * s) / 2, oy = 350 - (h * s) / 2;
  // Ineligible last, so that the estates needing attention are on top.
  const order = {none: 0, eligible: 1, undetermined: 2, ineligible: 3};
  placed.slice().sort((a, b) => order[statusOf(a)] - order[statusOf(b)]).forEach(f => {
    const c = document.createElementNS(NS, "circle");
    c.setAttribute("cx", ox + (f.geometry.coordinates[0] - x0) * k * s);
    c.setAttribute("cy", oy + (y1 - f.geometry.coordinates[1]) * s);
    c.setAttribute("r", 9);
    c.setAttribute("fill", STATUS[statusOf(f)][0]);
    const t = document.createElementNS(NS, "title");
    t.textContent = f.properties.estate_id + " " + f.properties.name;
    c.appendChild(t);
    c.addEventListener("click", () => show(f, c));
    circles.set(f.properties.estate_id, [f, c]);
    svg.appendChild(c);
  });
}

function legend() {
  const counts = {};
  data.features.forEach(f => { counts[statusOf(f)] = (counts[statusOf(f)] || 0) + 1; });
  const box = document.getElementById("legend");
  const title = document.createElement("div");
  title.textContent = "坐标系 " + data.coordinate_system;
  box.appendChild(title);
  Object.keys(STATUS).filter(s => counts[s]).forEach(s => {
    const row = document.createElement("div");
    const sw = document.createElement("span");
    sw.className = "sw";
    sw.style.background = STATUS[s][0];
    row.appendChild(sw);
    row.appendChild(document.createTextNode(STATUS[s][1] + " " + STATUS[s][2] + "：" + counts[s]));
    box.appendChild(row);
  });
  const missing = data.features.length - placed.length;
  if (missing > 0) {
    const row = document.createElement("div");
    row.textContent = "无坐标 no location：" + missing;
    box.appendChild(row);
  }
}

function text(v) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.length ? v.map(text).join("；") : "[]";  // surveyed: none
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => k + ": " + text(x)).join("，");
  return String(v);
}

function list(title, items) {
  const frag = document.createDocumentFragment();
  const h = document.createElement("h4");
  h.textContent = title;
  frag.appendChild(h);
  const ul = document.createElement("ul");
  items.forEach(i => { const li = document.createElement("li"); li.textContent = i; ul.appendChild(li); });
  frag.appendChild(ul);
  return frag;
}

let selected = null;
function show(f, circle) {
  if (selected) selected.classList.remove("sel");
  selected = circle;
  circle.classList.add("sel");
  const info = document.getElementById("info");
  info.textContent = "";
  const p = f.properties;
  const h = document.createElement("h4");
  const st = STATUS[statusOf(f)];
  h.textContent = p.estate_id + " " + p.name + " — " + st[1] + " / " + st[2];
  info.appendChild(h);
  // The reasons first: they are why the estate has its colour.
  if (p.reasons_zh && p.reasons_zh.length) info.appendChild(list("理由", p.reasons_zh));
  if (p.reasons_en && p.reasons_en.length) info.appendChild(list("Reasons", p.reasons_en));
  const table = document.createElement("table");
  Object.entries(p).filter(([k]) => !k.startsWith("reasons_")).forEach(([k, v]) => {
    const tr = table.insertRow();
    const a = tr.insertCell(); a.className = "k"; a.textContent = k;
    tr.insertCell().textContent = text(v);
  });
  info.appendChild(table);
}

draw();
legend();
// map.html#E-0001 opens with that estate shown, as if clicked.
const wanted = circles.get(decodeURIComponent(location.hash.slice(1)));
if (wanted) show(wanted[0], wanted[1]);
</script>
</body></html>
)";

}  // namespace

std::string EstatesMapHtml(std::string_view geojson, std::string_view title) {
  const std::string t = internal::EscapeHtml(title);
  std::string out;
  out.reserve(geojson.size() + 8192);
  out += kHead;
  out += t;
  out += kStyle;
  out += t;
  out += kBody;
  out += EscapeScript(geojson);
  out += kScript;
  return out;
}

}  // namespace renewal
