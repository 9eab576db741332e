/* 村务公开站: the large-text switch (大字模式), wide tables that say they scroll, a name for the
 * search dialog. The large-text choice is kept with Material's __md_get/__md_set (localStorage,
 * scoped to this site), so it holds across pages, under a sub-path and from file://. Without
 * JavaScript the switch is hidden by CSS (html.no-js) and the page keeps its normal size. */
(function () {
  "use strict";
  var KEY = "__cunwu_large";
  var root = document.documentElement;

  /** Whether large text is on for this page. */
  function isLarge() {
    return root.classList.contains("cunwu-large");
  }

  /** Show the state on every switch of the page. */
  function showState() {
    var switches = document.querySelectorAll("[data-cunwu-large-switch]");
    for (var i = 0; i < switches.length; i++) {
      switches[i].setAttribute("aria-checked", isLarge() ? "true" : "false");
    }
  }

  /** Turn large text on or off and remember the choice. */
  function setLarge(on) {
    root.classList.toggle("cunwu-large", on);
    try { __md_set(KEY, on); } catch (e) { /* storage refused: the choice holds for this page */ }
    showState();
    document.dispatchEvent(new Event("cunwu:large"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-cunwu-large-switch]");
    if (button) setLarge(!isLarge());
  });
  showState();

  /** A table wider than its box scrolls inside it: a line above it says so, and the box takes
   * keyboard focus (with a name) so it can be scrolled with the arrow keys too. Checked again
   * when the text size or the window changes. Every box is measured before any is changed, so
   * the page is laid out once, not once per table (a change made before the next measurement
   * would force the browser to lay the page out again). */
  function markScrollBoxes() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    var wide = [];
    for (var i = 0; i < boxes.length; i++) wide.push(boxes[i].scrollWidth > boxes[i].clientWidth + 1);
    for (var j = 0; j < boxes.length; j++) markScrollBox(boxes[j], wide[j]);
  }

  /** Mark one table's box as scrolling sideways (`wide`) or not. */
  function markScrollBox(box, wide) {
    var before = box.previousElementSibling;
    var hint = before && before.classList.contains("cunwu-scroll-hint") ? before : null;
    if (wide) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "表格，可左右滑动");
      if (!hint) {
        hint = document.createElement("p");
        hint.className = "cunwu-scroll-hint";
        hint.textContent = "表格较宽，可左右滑动查看 →";
        box.parentNode.insertBefore(hint, box);
      }
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      if (hint) hint.remove();
    }
  }

  /** The theme's search panel is a dialog without a name; screen readers announce it as 搜索. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (dialog) dialog.setAttribute("aria-label", "搜索");
  }
  nameSearchDialog();
  if (typeof document$ !== "undefined") document$.subscribe(markScrollBoxes);
  window.addEventListener("resize", markScrollBoxes);
  document.addEventListener("cunwu:large", markScrollBoxes);
})();
