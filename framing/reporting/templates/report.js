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
