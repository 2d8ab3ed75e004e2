// The phone menu with the keyboard alone. Material's menu button is a <label> for its
// drawer checkbox: a mouse or a tap opens the menu, but Tab never reaches it. The header
// also holds a real <button> (overrides/partials/header.html), hidden until this script
// runs: it takes the label's place, opens and closes the drawer, says whether it is open
// (aria-expanded) and, opened from the keyboard, moves focus into the menu; Escape closes
// it and focus comes back to the button. Loaded on every page; tiny, never loads Python.
(function () {
  "use strict";
  var button = document.querySelector("button[data-pd-menu]");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".md-sidebar--primary");
  if (!button || !label || !drawer || !menu) return;
  label.hidden = true;
  button.hidden = false;

  var byKeyboard = false;
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") byKeyboard = true;
  });
  button.addEventListener("click", function () {
    drawer.click(); // Material follows the checkbox's change event (overlay, scroll lock)
  });
  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(drawer.checked));
    if (drawer.checked && byKeyboard) {
      // The drawer is visible at once (site.css): focus its first link.
      var first = menu.querySelector("a[href]");
      if (first) first.focus();
    } else if (!drawer.checked && menu.contains(document.activeElement)) {
      button.focus(); // closed by a tap beside it: focus must not stay in the hidden menu
    }
    byKeyboard = false;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked) return;
    drawer.click();
    button.focus();
  });
})();
