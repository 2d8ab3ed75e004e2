// Leave quickly (the guide page only): the header's "Leave quickly" link, or Escape pressed
// three times within two seconds, replaces this page with an ordinary one. replace() leaves
// no history entry to come back to, and the answers, held only in this page's memory (and,
// between two language versions, in window.name), go with it. A classic script apart from
// the guide's modules: it works before the engine starts, without WebAssembly, and if the
// guide's own script fails. Without any script the link is an ordinary link.
(function () {
  "use strict";
  var link = document.querySelector("a.pd-exit");
  if (!link) return;
  var left = false;
  function leave(event) {
    if (event) event.preventDefault();
    left = true;
    window.name = "";
    document.body.replaceChildren(); // no answer stays on screen while the next page loads
    location.replace(link.href);
  }
  // Back to a step of this page after leaving: should the browser bring the page back from
  // its cache, load it afresh rather than show an emptied page.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && left) location.replace(location.pathname);
  });
  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = event.timeStamp;
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
