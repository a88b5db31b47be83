/* Progressive enhancements: light up every piece of a cited passage, and sortable tables.
 * Pages read fully without this script. With Material's instant navigation the
 * page is swapped without a reload, so work is (re)done on each document$ emission. */
(function () {
  "use strict";

  // The target of a link lights up on arrival: every piece of a cited passage, or a fact's whole
  // card (its heading and what follows it up to the next claim). :target alone marks only the heading.
  function highlightTarget() {
    document.querySelectorAll(".fs-target").forEach(function (el) { el.classList.remove("fs-target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    if (target.matches("mark.passage")) {
      document.querySelectorAll('mark.passage[data-passage="' + CSS.escape(id) + '"]').forEach(function (el) {
        el.classList.add("fs-target");
      });
    } else if (target.matches("h2.fs-claim")) {
      var el = target;
      do { el.classList.add("fs-target"); el = el.nextElementSibling; } while (el && !el.matches("h1, h2"));
    }
  }

  // Previews: hover, focus or tap a badge, a citation or a back-link to read what it stands for
  // without leaving the page. Without JavaScript each is a plain link to the same thing.
  var pop = null, popFor = null, openTimer = 0, closeTimer = 0, lastPointer = "mouse", quiet = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function link(href, words) {
    var a = el("a", "fs-pop-link", words);
    a.href = href;
    return a;
  }

  function citationItem(trigger) {
    var li = trigger.closest("li");
    return li && li.querySelector(":scope > p > q.fs-excerpt, :scope > q.fs-excerpt") ? li : null;
  }

  function previewFor(trigger) {
    var box = document.createDocumentFragment();
    if (trigger.matches(".fs-verdict")) {
      box.appendChild(el("p", "fs-pop-head", trigger.textContent));
      box.appendChild(el("p", "", trigger.getAttribute("data-tip")));
      box.appendChild(link(trigger.href, "What the verdicts mean"));
      return box;
    }
    if (trigger.matches("sup.cited-by a")) {
      box.appendChild(el("p", "fs-pop-kicker", "Cited by"));
      box.appendChild(el("p", "fs-pop-head", trigger.getAttribute("data-claim") || ""));
      var v = trigger.getAttribute("data-verdict");
      if (v) box.appendChild(el("p", "fs-pop-verdict", v));
      box.appendChild(link(trigger.href, "Go to the fact"));
      return box;
    }
    var li = citationItem(trigger);
    var q = li.querySelector("q.fs-excerpt");
    box.appendChild(el("p", "fs-pop-head", q.getAttribute("data-source")));
    var dateline = q.getAttribute("data-dateline");
    if (dateline) box.appendChild(el("p", "fs-pop-kicker", dateline));
    var quote = el("blockquote", "fs-pop-context");
    quote.appendChild(document.createTextNode(q.getAttribute("data-before") || ""));
    var cited = el("span", "fs-pop-excerpt");
    cited.innerHTML = q.innerHTML;  // the page's own markup (escaped at build time)
    quote.appendChild(cited);
    quote.appendChild(document.createTextNode(q.getAttribute("data-after") || ""));
    box.appendChild(quote);
    var passage = li.querySelector("a.fs-passage-link");
    box.appendChild(link(passage ? passage.href : trigger.href,
                         passage ? "Go to the highlighted passage" : "Go to the source"));
    return box;
  }

  function isTrigger(t) {
    if (!t || !t.matches) return false;
    if (t.matches("a.fs-verdict[data-tip], sup.cited-by a")) return true;
    return t.matches("a") && !!citationItem(t) && (t.matches("a.fs-passage-link") || !!t.closest("strong"));
  }

  function triggerOf(node) {
    var a = node && node.closest ? node.closest("a") : null;
    return isTrigger(a) ? a : null;
  }

  function ensurePop() {
    if (pop && document.body.contains(pop)) return pop;
    pop = el("div", "fs-popover md-typeset");
    pop.id = "fs-popover";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", "Preview");
    pop.hidden = true;
    pop.addEventListener("pointerenter", function () { clearTimeout(closeTimer); });
    pop.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse") scheduleClose(); });
    document.body.appendChild(pop);
    return pop;
  }

  function place(trigger) {
    var r = trigger.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    pop.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    pop.style.left = (left + window.scrollX) + "px";
    var below = r.bottom + 6, height = pop.offsetHeight;
    var top = below + height > window.innerHeight && r.top - height - 6 > 0 ? r.top - height - 6 : below;
    pop.style.top = (top + window.scrollY) + "px";
  }

  function open(trigger) {
    clearTimeout(closeTimer);
    if (popFor === trigger && !pop.hidden) return;
    ensurePop();
    if (popFor) popFor.removeAttribute("aria-expanded");
    pop.replaceChildren(previewFor(trigger));
    pop.hidden = false;
    popFor = trigger;
    trigger.setAttribute("aria-expanded", "true");
    trigger.setAttribute("aria-controls", "fs-popover");
    place(trigger);
  }

  function close() {
    clearTimeout(openTimer);
    if (pop) pop.hidden = true;
    if (popFor) popFor.removeAttribute("aria-expanded");
    popFor = null;
  }

  function scheduleClose() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, 300);
  }

  function listenForPreviews() {
    if (document.documentElement.dataset.fsPreviews) return;  // once: the listeners are on the document
    document.documentElement.dataset.fsPreviews = "1";
    document.addEventListener("pointerdown", function (e) {
      lastPointer = e.pointerType || "mouse";
      if (pop && !pop.hidden && !pop.contains(e.target) && !triggerOf(e.target)) close();
    });
    document.addEventListener("pointerover", function (e) {
      if (e.pointerType !== "mouse") return;
      var t = triggerOf(e.target);
      if (!t) return;
      clearTimeout(closeTimer);
      clearTimeout(openTimer);
      openTimer = setTimeout(function () { open(t); }, 200);
    });
    document.addEventListener("pointerout", function (e) {
      if (e.pointerType !== "mouse") return;
      var t = triggerOf(e.target);
      if (t && !t.contains(e.relatedTarget)) scheduleClose();
    });
    // A tap opens the preview; a second tap on the same link follows it.
    document.addEventListener("click", function (e) {
      var t = triggerOf(e.target);
      if (!t || lastPointer === "mouse") return;
      if (popFor !== t || pop.hidden) {
        e.preventDefault();
        open(t);
      }
    });
    document.addEventListener("focusin", function (e) {
      var t = triggerOf(e.target);
      if (t && !quiet && t.matches(":focus-visible")) open(t);
      else if (pop && !pop.hidden && !pop.contains(e.target)) scheduleClose();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && pop && !pop.hidden) {
        var t = popFor, inside = pop.contains(document.activeElement);
        close();
        if (t && inside) { quiet = true; t.focus(); quiet = false; }  // back to where the reader was
      }
    }, true);  // capture: the theme's own key handling must not swallow Escape first
  }

  // Back-links keep their text for screen readers; the native title tooltip gives way to the preview.
  function moveTitles() {
    document.querySelectorAll("sup.cited-by a[title]").forEach(function (a) {
      a.setAttribute("data-claim", a.getAttribute("title").replace(/^Cited by: /, ""));
      a.removeAttribute("title");
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

  // A search asked for in the address (?q=words, as the 404 page's form sends it). Material opens its own
  // search for ?q=; Zensical's search is a dialog in a shadow root, opened by its button, so it is filled here.
  function searchFromAddress() {
    var words = new URLSearchParams(location.search).get("q");
    var button = document.querySelector("button.md-search__button");
    if (!words || !button || document.querySelector(".md-search__input")) return;
    button.click();
    var tries = 0;
    (function fill() {
      var host = document.activeElement, input = host && host.shadowRoot && host.shadowRoot.querySelector("input");
      if (!input) { if (++tries < 20) setTimeout(fill, 50); return; }
      input.value = words;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    })();
  }

  function init() {
    nameSearchDialog();
    searchFromAddress();
    close();
    moveTitles();
    listenForPreviews();
    document.querySelectorAll(".fs-sortable table").forEach(makeSortable);
    highlightTarget();
  }

  window.addEventListener("hashchange", highlightTarget);
  // Zensical's contents list on a phone stays open over the page after a pick: close it.
  document.addEventListener("click", function (e) {
    var toggle = document.getElementById("__toc");
    if (toggle && toggle.checked && e.target.closest && e.target.closest(".md-sidebar--secondary a")) toggle.checked = false;
  });
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
