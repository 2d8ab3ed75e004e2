// "Print this page" on the pages people print (the handout, checklists, library documents).
// The button is in the page's HTML, hidden until this script can make it work.
for (const button of document.querySelectorAll("button[data-pd-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
