/* The search page: Pagefind's UI with its filters, started from ?query= (the large-site header form). */
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("briefs-search");
  if (!box) {
    return;
  }
  if (typeof PagefindUI === "undefined") {
    box.textContent = "The search index is missing: it is written by `briefs build`, not by a live preview.";
    return;
  }
  var ui = new PagefindUI({
    element: "#briefs-search",
    pageSize: 10,
    showImages: false,
    showSubResults: true,
    showEmptyFilters: false,
    openFilters: ["sector", "year"],
    // Briefs are long pages; Pagefind's default length penalty would bury them under short profiles.
    ranking: { pageLength: 0.25 }
  });
  var input = box.querySelector("input[type='text'], input[type='search']");
  if (input) {
    input.setAttribute("aria-label", "Search the site");
  }
  // Not ?q=: Material's own header search reads that one and would open its dialog here.
  var query = new URLSearchParams(window.location.search).get("query");
  if (query) {
    ui.triggerSearch(query);
  }
});
