/* The search page: Pagefind's UI with its filters. The query and the ticked filters live in the page's
   address (search/?query=Huawei&sector=Telecommunications+and+5G&year=2020), so a search can be shared,
   bookmarked and reloaded; the header search box opens this page with ?query=. On a narrow screen the
   filter groups start folded (and briefs.css puts the results above them). */
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("briefs-search");
  if (!box) {
    return;
  }
  if (typeof PagefindUI === "undefined") {
    box.textContent = "The search index is missing: run `briefs build` or `briefs serve` to write it.";
    return;
  }
  var narrow = window.matchMedia("(max-width: 44.9375em)").matches;
  var ui = new PagefindUI({
    element: "#briefs-search",
    pageSize: 10,
    showImages: false,
    showSubResults: true,
    showEmptyFilters: false,
    openFilters: narrow ? [] : ["pair", "sector", "year"],
    // Briefs are long pages; Pagefind's default length penalty would bury them under short profiles.
    ranking: { pageLength: 0.25 }
  });
  var input = box.querySelector("input[type='text'], input[type='search']");
  if (input) {
    input.setAttribute("aria-label", "Search the site");
  }

  // Not ?q=: Material's header search reads that one. Every other parameter is a filter: name=label.
  var params = new URLSearchParams(window.location.search);
  var query = params.get("query") || "";
  var filters = {};
  params.forEach(function (value, name) {
    if (name !== "query" && value) {
      (filters[name] = filters[name] || []).push(value);
    }
  });
  if (Object.keys(filters).length) {
    ui.triggerFilters(filters);
  }
  if (query || Object.keys(filters).length) {
    ui.triggerSearch(query);
  }

  // After every change of the query or of a filter, write the state into the address (no reload).
  function state() {
    var next = new URLSearchParams();
    var field = box.querySelector(".pagefind-ui__search-input");
    var term = field ? field.value.trim() : "";
    if (term) {
      next.append("query", term);
    }
    box.querySelectorAll("input.pagefind-ui__filter-checkbox:checked").forEach(function (tick) {
      next.append(tick.name, tick.value);
    });
    return next.toString();
  }
  var pending = null;
  function remember() {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      var search = state();
      var address = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(null, "", address);
      }
    }, 300);
  }
  box.addEventListener("input", remember);
  box.addEventListener("change", remember);
  box.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".pagefind-ui__search-clear")) {
      remember();
    }
  });
});
