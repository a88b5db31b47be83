/* Progressive enhancements: light up every piece of a cited passage, and sortable tables.
 * Pages read fully without this script. With Material's instant navigation the
 * page is swapped without a reload, so work is (re)done on each document$ emission. */
(function () {
  "use strict";

  function highlightTarget() {
    document.querySelectorAll(".fs-target").forEach(function (el) { el.classList.remove("fs-target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.matches("mark.passage")) return;
    document.querySelectorAll('mark.passage[data-passage="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add("fs-target");
    });
  }

  function cellValue(cell) {
    var holder = cell.querySelector("[data-value]");
    var raw = holder ? holder.getAttribute("data-value") : cell.textContent.trim();
    var n = Number(raw);
    return raw !== "" && !isNaN(n) ? n : raw.toLowerCase();
  }

  function makeSortable(table) {
    if (table.dataset.fsSortable) return;
    table.dataset.fsSortable = "1";
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a.cells[col]), y = cellValue(b.cells[col]);
          var cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? cmp : -cmp;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // The theme's search overlay is a dialog without a name; give it one for screen readers.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function init() {
    nameSearchDialog();
    document.querySelectorAll(".fs-sortable table").forEach(makeSortable);
    highlightTarget();
  }

  window.addEventListener("hashchange", highlightTarget);
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
