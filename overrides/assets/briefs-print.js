// Before printing, each citation link (to a sentence, #s-N) and the brief's permalink carry their
// absolute address, which the print stylesheet (briefs-print.css) prints after them: on paper a
// relative link leads nowhere.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll('.md-typeset a[href*="#s-"], .briefs-cite a').forEach(function (link) {
    link.setAttribute("data-briefs-url", link.href);
  });
});
