// The language switch keeps the #fragment: the anchors are the same in both languages, so
// /process/#offer -> /ru/process/#offer. Click and Enter both fire "click"; the capture phase
// sets the link's hash before the browser follows it.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link) link.hash = location.hash;
}, true);
