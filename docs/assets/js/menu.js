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
  // The menu's panels: a section's label opens its panel, the panel's title goes back.
  // Material opens a focused label on Enter, but leaves the sections' labels out of the tab
  // order: while the menu is open they are in it (site.css hides the panels not on top).
  var labels = menu.querySelectorAll("label.md-nav__link[for], label.md-nav__title[for]:not([for=__drawer])");
  // Material's own tab stops among the labels stay tab stops when the menu closes.
  labels.forEach(function (label) {
    if (label.getAttribute("tabindex") === "0") label.setAttribute("data-pd-tab", "");
  });
  function panelOnTop() {
    var open = menu.querySelectorAll(".md-nav__toggle:checked ~ .md-nav");
    return open.length ? open[open.length - 1] : menu.querySelector(".md-nav--primary");
  }
  function firstIn(panel) {
    return panel && panel.querySelector(":scope > .md-nav__title[tabindex], :scope > .md-nav__list a[href], a[href]");
  }
  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(drawer.checked));
    labels.forEach(function (label) {
      if (drawer.checked) label.tabIndex = 0;
      else if (label.getAttribute("tabindex") === "0" && !label.hasAttribute("data-pd-tab")) label.removeAttribute("tabindex");
    });
    if (drawer.checked && byKeyboard) {
      // The drawer is visible at once (site.css): focus the top panel's first item.
      var first = firstIn(panelOnTop());
      if (first) first.focus();
    } else if (!drawer.checked && menu.contains(document.activeElement)) {
      button.focus(); // closed by a tap beside it: focus must not stay in the hidden menu
    }
    byKeyboard = false;
  });
  // A panel opened: focus its title (the way back); a panel closed: the label that opens it.
  menu.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!drawer.checked || !toggle.classList.contains("md-nav__toggle") || !menu.contains(document.activeElement)) return;
    var target = toggle.checked
      ? firstIn(toggle.parentElement.querySelector(":scope > .md-nav"))
      : menu.querySelector('label.md-nav__link[for="' + toggle.id + '"]');
    if (target) target.focus();
  });
  // Tab out of the open menu (into the page it covers) closes it.
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && !menu.contains(event.target) && event.target !== button) drawer.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked) return;
    drawer.click();
    button.focus();
  });
})();
