// Keeps this site readable offline after one visit: registers the service
// worker (/sw.js). Loaded on every page, so it stays tiny and never loads Python.
// It asks the worker to store this language's pages, and on the guide page Python too.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : location.href); // this file is assets/js/offline.js
  var guide = document.getElementById("pd-guide");
  var onGuide = guide !== null;
  // On the guide, wait until its engine has started (or failed): storing the site
  // for offline use must not compete with Python for the reader's CPU.
  function afterEngine(start) {
    if (!onGuide || guide.getAttribute("data-engine") !== "loading") return start();
    var watch = new MutationObserver(function () {
      if (guide.getAttribute("data-engine") === "loading") return;
      watch.disconnect();
      start();
    });
    watch.observe(guide, { attributes: true, attributeFilter: ["data-engine"] });
  }
  window.addEventListener("load", function () {
    afterEngine(register);
  });
  function register() {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        if (!registration.active) return;
        // This page's language only (the other language's pages are stored if the reader goes there).
        registration.active.postMessage({ type: "store-pages", lang: document.documentElement.lang });
        if (onGuide) registration.active.postMessage({ type: "store-guide" });
      })
      .catch(function () {
        // No offline copy (private browsing, storage full): the site works online as before.
      });
  }
})();
