/* Cross-village search on the township portal, with Pagefind's own interface (its files are in
   pagefind/, written by the build). Pagefind fetches its index, so it needs a web server: opened
   from a file (a USB stick), the box says to search in each village's site instead. */
(function () {
  var box = document.getElementById("township-search");
  if (!box) return;
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
    box.textContent =
      "从本地文件（如U盘）打开网站时不能跨村搜索。请点击下面的村名进入该村网站，用页面上方的搜索框搜索。";
    return;
  }
  var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var bundle = new URL(".", script.src);
  new PagefindUI({
    element: "#township-search",
    bundlePath: bundle.pathname,
    baseUrl: new URL("..", bundle).pathname,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
})();
