// framing report: optional enhancements. The page reads fully without this script.
// Sorts tables with class "sortable" and adds a search box and an outlet filter to the article index.
// It builds elements with createElement and sets text with textContent only: no HTML from data, no eval.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.children[index];
    var text = cell ? cell.textContent.trim() : "";
    var number = parseFloat(text.replace(/,/g, "").replace(/\u2212/g, "-"));
    return { text: text.toLowerCase(), number: isNaN(number) || !/^[-\u2212]?[\d,.]+%?$/.test(text) ? null : number };
  }
  function compare(a, b, direction) {
    if (a.number !== null && b.number !== null) { return (a.number - b.number) * direction; }
    if (a.number !== null) { return -1; }
    if (b.number !== null) { return 1; }
    return a.text.localeCompare(b.text) * direction;
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (head, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (head.firstChild) { button.appendChild(head.firstChild); }
      head.appendChild(button);
      button.addEventListener("click", function () {
        var direction = head.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) { return compare(cellValue(a, index), cellValue(b, index), direction); });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }
  function addFilters(tools) {
    var table = document.getElementById(tools.getAttribute("data-for"));
    if (!table || !table.tBodies.length) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var search = document.createElement("input");
    search.type = "search";
    search.id = "index-search";
    var searchLabel = document.createElement("label");
    searchLabel.htmlFor = search.id;
    searchLabel.textContent = "Search titles and outlets ";
    var outlet = document.createElement("select");
    outlet.id = "index-outlet";
    var outletLabel = document.createElement("label");
    outletLabel.htmlFor = outlet.id;
    outletLabel.textContent = " Outlet ";
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "every outlet";
    outlet.appendChild(all);
    var names = [];
    rows.forEach(function (row) {
      var name = row.getAttribute("data-outlet") || "";
      if (names.indexOf(name) < 0) { names.push(name); }
    });
    names.sort().forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      outlet.appendChild(option);
    });
    var count = document.createElement("p");
    count.className = "note";
    count.setAttribute("aria-live", "polite");
    function apply() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var ok = (!outlet.value || row.getAttribute("data-outlet") === outlet.value) &&
          words.every(function (word) { return text.indexOf(word) >= 0; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " articles shown";
    }
    search.addEventListener("input", apply);
    outlet.addEventListener("change", apply);
    [searchLabel, search, outletLabel, outlet, count].forEach(function (node) { tools.appendChild(node); });
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll(".index-tools[data-for]"), addFilters);
}());

// ---- Term explorer: section #term-explorer (framing/reporting/sections/term_explorer.py) ----
// Draws, for the chosen outlet, each word by its rate in the other outlets (x) and in the outlet (y), log scales,
// from the JSON data block #term-explorer-data (type application/json: read with JSON.parse, never run).
// A dot is chosen by click, or by Tab to the chart, arrow keys and Enter; its sentences per outlet appear below,
// built with createElement and textContent only.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var app = document.getElementById("term-explorer-app");
  var source = app && document.getElementById(app.getAttribute("data-for"));
  if (!source) { return; }
  var data;
  try { data = JSON.parse(source.textContent); } catch (error) { return; }
  var MORE = "#0072B2", LESS = "#D55E00", SAME = "#8C8C8C";
  function make(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function shape(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, String(attributes[key])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function perThousand(count, words) { return words > 0 ? 1000 * count / words : 0; }
  function number(value) {
    return value === 0 ? "0" : value >= 100 ? Math.round(value).toLocaleString("en") : value >= 1 ? value.toFixed(1) : value.toPrecision(2);
  }
  function signed(value) { return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + Math.abs(value).toFixed(1); }

  var select = make("select", { id: "term-outlet" });
  data.outlets.forEach(function (name, j) { select.appendChild(make("option", { value: String(j) }, name)); });
  var chooser = make("p", { "class": "term-chooser" });
  chooser.appendChild(make("label", { "for": "term-outlet" }, "Outlet: "));
  chooser.appendChild(select);
  var figure = make("figure", { "class": "term-chart" });
  figure.style.margin = "1rem 0";
  var caption = make("figcaption");
  var panel = make("div", { id: "term-sentences", "class": "term-sentences", "aria-live": "polite" });
  panel.appendChild(make("p", { "class": "note" }, "Choose a word in the chart to read its sentences."));
  [chooser, figure, panel].forEach(function (node) { app.appendChild(node); });

  function rates(j) {
    var words = data.words[j], rest = data.total_words - words;
    return data.terms.map(function (term, k) {
      return { k: k, term: term, own: perThousand(term.n[j], words), rest: perThousand(term.all - term.n[j], rest),
        z: term.z[j] };
    });
  }
  function labelled(points) {
    var byZ = points.slice().sort(function (a, b) { return b.z - a.z; });
    var byUse = points.slice().sort(function (a, b) { return (b.own + b.rest) - (a.own + a.rest); });
    var chosen = byZ.slice(0, 8).concat(byZ.slice(-6), byUse.slice(0, 4));
    return chosen.filter(function (point, index) { return chosen.indexOf(point) === index; });
  }
  // Labels go beside their dot (right, left, above, below: the first place that is free), never over another
  // label or another word's dot and never outside the plot; a word with no free place stays unlabelled (its dot
  // still names it to a screen reader and on focus).
  function placeLabels(svg, chosen, dots, area) {
    var taken = dots.slice();
    function free(box, own) {
      if (box.x < area.left || box.x + box.w > area.right || box.y < area.top || box.y + box.h > area.bottom) { return false; }
      return !taken.some(function (b) {
        return b !== own && box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h;
      });
    }
    chosen.forEach(function (point) {
      var own = dots.filter(function (b) { return b.k === point.k; })[0];
      var px = own.x + 5, py = own.y + 5;
      var label = shape("text", { x: 0, y: 0, "font-size": 11, fill: "#222", "aria-hidden": "true", "pointer-events": "none",
        "class": "term-label" }, point.term.t);
      svg.appendChild(label);
      var wide = label.getComputedTextLength() || point.term.t.length * 6.5, high = 12;
      var spot = [
        { x: px + 6, y: py - high / 2, w: wide, h: high }, { x: px - 6 - wide, y: py - high / 2, w: wide, h: high },
        { x: px - wide / 2, y: py - 6 - high, w: wide, h: high }, { x: px - wide / 2, y: py + 6, w: wide, h: high }
      ].filter(function (box) { return free(box, own); })[0];
      if (!spot) { svg.removeChild(label); return; }
      label.setAttribute("x", spot.x.toFixed(1));
      label.setAttribute("y", (spot.y + 9).toFixed(1));  // the baseline: 9 px below the top of an 11 px label
      taken.push({ x: spot.x - 1, y: spot.y, w: wide + 2, h: high });
    });
  }
  function draw(j) {
    var width = Math.max(280, Math.min(720, figure.clientWidth || 640)), height = Math.round(width * 0.68);
    var left = 52, bottom = 44, top = 12, right = 12;
    var words = data.words[j], rest = data.total_words - words;
    var points = rates(j);
    var low = Math.min(perThousand(0.5, words || 1), perThousand(0.5, rest || 1));
    var high = points.reduce(function (m, p) { return Math.max(m, p.own, p.rest); }, low * 10);
    var span = Math.log(high) - Math.log(low);
    function x(value) { return left + (width - left - right) * (Math.log(Math.max(value, low)) - Math.log(low)) / span; }
    function y(value) { return height - bottom - (height - bottom - top) * (Math.log(Math.max(value, low)) - Math.log(low)) / span; }
    while (figure.firstChild) { figure.removeChild(figure.firstChild); }
    var name = data.outlets[j];
    var svg = shape("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "group",
      "class": "term-scatter", "aria-label": "Words of " + name + " against the other outlets; use the arrow keys to move between words and Enter to read a word's sentences" });
    svg.appendChild(shape("title", { id: "term-scatter-title" }, "Words of " + name + " against the rest"));
    svg.appendChild(shape("line", { x1: x(low), y1: y(low), x2: x(high), y2: y(high), stroke: "#555", "stroke-dasharray": "4 3" }));
    for (var tick = Math.pow(10, Math.ceil(Math.log(low) / Math.LN10)); tick <= high; tick *= 10) {
      var label = tick >= 1 ? String(Math.round(tick)) : String(Number(tick.toPrecision(1)));
      svg.appendChild(shape("line", { x1: x(tick), y1: height - bottom, x2: x(tick), y2: height - bottom + 4, stroke: "#222" }));
      svg.appendChild(shape("text", { x: x(tick), y: height - bottom + 16, "text-anchor": "middle", "font-size": 11, fill: "#222" }, label));
      svg.appendChild(shape("line", { x1: left - 4, y1: y(tick), x2: left, y2: y(tick), stroke: "#222" }));
      svg.appendChild(shape("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": 11, fill: "#222" }, label));
    }
    svg.appendChild(shape("line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: "#222" }));
    svg.appendChild(shape("line", { x1: left, y1: top, x2: left, y2: height - bottom, stroke: "#222" }));
    svg.appendChild(shape("text", { x: (left + width - right) / 2, y: height - 8, "text-anchor": "middle", "font-size": 12, fill: "#222" },
      "per 1,000 words in the other outlets"));
    svg.appendChild(shape("text", { x: 12, y: (top + height - bottom) / 2, "text-anchor": "middle", "font-size": 12, fill: "#222",
      transform: "rotate(-90 12 " + (top + height - bottom) / 2 + ")" }, "per 1,000 words in " + name));
    var order = points.slice().sort(function (a, b) { return b.z - a.z || (a.term.t < b.term.t ? -1 : 1); });
    var taken = {};
    var dots = order.map(function (point, index) {
      var colour = point.z >= 2 ? MORE : point.z <= -2 ? LESS : SAME;
      var cx = x(point.rest), cy = y(point.own), place = Math.round(cx) + "," + Math.round(cy);
      var twin = taken[place] = (taken[place] || 0) + 1;  // words with the same counts: spread on a small spiral
      if (twin > 1) { cx += 3.5 * Math.sqrt(twin - 1) * Math.cos(twin * 2.4); cy += 3.5 * Math.sqrt(twin - 1) * Math.sin(twin * 2.4); }
      var dot = shape("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 4, fill: colour,
        "fill-opacity": 0.75, stroke: "#fff", "stroke-width": 1, tabindex: index === 0 ? 0 : -1, role: "button",
        "class": "term-dot", "data-term": point.term.t,
        "aria-label": point.term.t + ": " + number(point.own) + " per 1,000 words in " + name + ", " + number(point.rest) + " in the rest, z " + signed(point.z) });
      dot.addEventListener("click", function () { focusDot(index); show(point.k, j); });
      dot.addEventListener("focus", function () { dot.setAttribute("stroke", "#000"); dot.setAttribute("stroke-width", 2); });
      dot.addEventListener("blur", function () { dot.setAttribute("stroke", "#fff"); dot.setAttribute("stroke-width", 1); });
      return dot;
    });
    dots.slice().reverse().forEach(function (dot) { svg.appendChild(dot); });  // the most distinctive on top
    figure.appendChild(svg);  // in the page first, so each label's drawn width can be measured
    placeLabels(svg, labelled(points), dots.map(function (dot, index) {
      return { k: order[index].k, x: Number(dot.getAttribute("cx")) - 5, y: Number(dot.getAttribute("cy")) - 5, w: 10, h: 10 };
    }), { left: left, top: 0, right: width - right, bottom: height - bottom - 1 });
    var current = 0;
    function focusDot(index) {
      dots[current].setAttribute("tabindex", -1);
      current = Math.max(0, Math.min(dots.length - 1, index));
      dots[current].setAttribute("tabindex", 0);
      dots[current].focus();
    }
    svg.addEventListener("keydown", function (event) {
      var moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (moves[event.key]) { focusDot(current + moves[event.key]); event.preventDefault(); }
      else if (event.key === "Home" || event.key === "End") { focusDot(event.key === "Home" ? 0 : dots.length - 1); event.preventDefault(); }
      else if (event.key === "Enter" || event.key === " ") { show(order[current].k, j); event.preventDefault(); }
    });
    caption.textContent = "Each dot is a word; dashed line: the same rate in " + name + " as in the rest. Blue: used more by " +
      name + " (z of 2 or more); orange: used more by the rest (z of \u22122 or less); grey: no clear difference. " +
      "Words an outlet never uses sit on the bottom or left edge; words with the same counts are spread a little.";
    figure.appendChild(caption);
  }
  function sentences(term, j) {
    var list = make("ul");
    (term.ex[String(j)] || []).forEach(function (example) {
      var item = make("li", { "class": "sentence" });
      item.appendChild(document.createTextNode(example[0].slice(0, example[1])));
      item.appendChild(make("mark", {}, example[0].slice(example[1], example[2])));
      item.appendChild(document.createTextNode(example[0].slice(example[2])));
      if (typeof example[3] === "string" && /^[A-Za-z][\w-]*$/.test(example[3])) {
        item.appendChild(document.createTextNode(" \u2014 "));
        item.appendChild(make("a", { href: "#" + example[3] }, "the article"));
      }
      list.appendChild(item);
    });
    return list;
  }
  function show(k, j) {
    var term = data.terms[k], words = data.words[j], rest = data.total_words - words, name = data.outlets[j];
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    panel.appendChild(make("h3", {}, "\u201c" + term.t + "\u201d"));
    panel.appendChild(make("p", {}, name + ": " + term.n[j].toLocaleString("en") + " uses (" + number(perThousand(term.n[j], words)) +
      " per 1,000 words); the other outlets: " + (term.all - term.n[j]).toLocaleString("en") + " uses (" +
      number(perThousand(term.all - term.n[j], rest)) + " per 1,000 words); distinctiveness z " + signed(term.z[j]) + "."));
    var others = data.outlets.map(function (_, i) { return i; }).filter(function (i) { return i !== j && term.ex[String(i)]; });
    others.sort(function (a, b) { return term.n[b] - term.n[a] || a - b; });
    [j].concat(others).forEach(function (i) {
      panel.appendChild(make("h4", {}, data.outlets[i] + " (" + term.n[i].toLocaleString("en") + " use" + (term.n[i] === 1 ? "" : "s") + ")"));
      if (term.ex[String(i)]) { panel.appendChild(sentences(term, i)); }
      else { panel.appendChild(make("p", { "class": "note" }, term.n[i] ? "No example is kept in the page for this outlet." : "Not used by this outlet.")); }
    });
  }
  select.addEventListener("change", function () {
    draw(Number(select.value));
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    panel.appendChild(make("p", { "class": "note" }, "Choose a word in the chart to read its sentences."));
  });
  draw(0);
}());
