// Sorting and filtering of the bodies table; no library, no network.
(function () {
  "use strict";
  var table = document.getElementById("body-table");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById("filter");
  var severity = document.getElementById("severity-filter");
  var shown = document.getElementById("shown");
  var headers = table.tHead.rows[0].cells;

  function key(row, column, type) {
    var value = row.cells[column].getAttribute("data-value");
    if (type !== "number") return value;
    return value === "" ? null : Number(value);
  }

  function sortBy(column, type, descending) {
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a, column, type), y = key(b, column, type);
      if (x === y) return 0;
      if (x === null) return 1;  // blanks (未计算) last either way
      if (y === null) return -1;
      var order = type === "number" ? x - y : x.localeCompare(y, "zh-CN");
      return descending ? -order : order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(headers, function (header, column) {
    if (!header.classList.contains("sortable")) return;
    header.addEventListener("click", function () {
      var descending = !header.classList.contains("sorted-desc");
      Array.prototype.forEach.call(headers, function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
      header.classList.add(descending ? "sorted-desc" : "sorted-asc");
      sortBy(column, header.getAttribute("data-type"), descending);
    });
  });

  function matches(row, words, wanted) {
    var errors = Number(row.getAttribute("data-errors"));
    var warnings = Number(row.getAttribute("data-warnings"));
    if (wanted === "error" && !errors) return false;
    if (wanted === "warning" && !warnings) return false;
    if (wanted === "clean" && (errors || warnings)) return false;
    var text = row.getAttribute("data-search").toLowerCase();
    return words.every(function (word) { return text.indexOf(word) >= 0; });
  }

  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var visible = 0;
    rows.forEach(function (row) {
      var show = matches(row, words, severity.value);
      row.classList.toggle("hidden", !show);
      if (show) visible += 1;
    });
    shown.textContent = "显示 " + visible + " / " + rows.length + " 份";
  }

  filter.addEventListener("input", applyFilter);
  severity.addEventListener("change", applyFilter);
})();
