/* Cross-village search on the township portal (跨村搜索). The index is a set of scripts written
   by the build (generator/township_search.py): township-search/index.js lists the villages,
   township-search/shards/<n>.js hold the words, <village>/township-search/<k>.js the pages. They
   are loaded as <script> elements when a query needs them, so search works from a web server and
   from a file (a USB stick) alike, and a query loads only the shards of its words. `words` and
   `shardOf` must agree with township_search.words and township_search.shard_of. */
(function () {
  "use strict";
  var box = document.getElementById("township-search");
  var script = document.currentScript;
  if (!box || !script) return;
  var root = new URL("../../", script.src); // this script is assets/javascripts/township-search.js
  var SHOWN = 10;
  var waiting = {};
  var loaded = {};

  /* Load one of the index's scripts once; it hands its data to window.cunwuTownshipSearch. */
  function load(path) {
    var href = new URL(path, root).href;
    if (!loaded[href]) {
      loaded[href] = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = href;
        element.onerror = function () {
          delete loaded[href];
          reject(new Error(path));
        };
        waiting[element.src] = resolve;
        document.head.appendChild(element);
      });
    }
    return loaded[href];
  }

  window.cunwuTownshipSearch = function (data) {
    var running = document.currentScript;
    if (running && waiting[running.src]) waiting[running.src](data);
  };

  function runs(text) {
    return text.toLowerCase().match(/[0-9a-z]+|(?:(?![0-9a-z_])[\p{L}\p{N}])+/gu) || [];
  }

  /* The words a query asks for: each ASCII run, each single character, and the pairs that cover a longer run. */
  function words(query) {
    var found = [];
    runs(query).forEach(function (run) {
      var chars = Array.from(run);
      if (/^[0-9a-z]+$/.test(run) || chars.length === 1) return found.push(run);
      for (var i = 0; i + 1 < chars.length; i += 2) found.push(chars[i] + chars[i + 1]);
      if (chars.length % 2) found.push(chars[chars.length - 2] + chars[chars.length - 1]);
    });
    return found.filter(function (word, i) { return found.indexOf(word) === i; });
  }

  function shardOf(word, shards) {
    var value = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) {
      value = (value ^ word.charCodeAt(i)) >>> 0;
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % shards;
  }

  /* {village number: [page numbers]} from a shard's entry "village:deltas;…" (base 36). */
  function postings(encoded) {
    var found = {};
    (encoded || "").split(";").forEach(function (part) {
      if (!part) return;
      var colon = part.indexOf(":");
      var total = 0;
      found[parseInt(part.slice(0, colon), 36)] = part.slice(colon + 1).split(",").map(function (delta) {
        return (total += parseInt(delta, 36));
      });
    });
    return found;
  }

  function intersect(lists) {
    var result = lists[0];
    lists.slice(1).forEach(function (list) {
      var kept = {};
      Object.keys(result).forEach(function (village) {
        if (!list[village]) return;
        var other = new Set(list[village]);
        var pages = result[village].filter(function (page) { return other.has(page); });
        if (pages.length) kept[village] = pages;
      });
      result = kept;
    });
    return result;
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  var form = element("form", "township-search__form");
  form.setAttribute("role", "search");
  var label = element("label", "township-search__label", "搜索各村公开的承诺、公告、项目、财务等页面");
  label.htmlFor = "township-search-input";
  var input = element("input", "township-search__input");
  input.id = "township-search-input";
  input.type = "search";
  input.autocomplete = "off";
  input.placeholder = "输入词语，如村名、项目名";
  var button = element("button", "township-search__button", "搜索");
  button.type = "submit";
  form.append(label, input, button);
  var status = element("p", "township-search__status");
  status.setAttribute("role", "status");
  var list = element("ol", "township-search__results");
  var more = element("button", "township-search__more", "显示更多结果");
  more.type = "button";
  more.hidden = true;
  box.replaceChildren(form, status, list, more);

  var asked = 0;
  var hits = [];
  var index = null;

  function excerpt(text, query) {
    var at = -1;
    runs(query).some(function (run) { return (at = text.toLowerCase().indexOf(run)) >= 0; });
    var start = Math.max(0, at - 30);
    var shown = Array.from(text.slice(start)).slice(0, 90).join("");
    return (start > 0 ? "…" : "") + shown + (start + shown.length < text.length ? "…" : "");
  }

  function showMore(query, ask) {
    var next = hits.slice(list.children.length, list.children.length + SHOWN);
    more.hidden = true;
    return Promise.all(
      next.map(function (hit) {
        var village = index.villages[hit[0]];
        var chunk = Math.floor(hit[1] / index.chunk);
        var path = encodeURIComponent(village[0]) + "/township-search/" + chunk + ".js";
        return load(path).then(function (docs) { return [village, docs[hit[1] % index.chunk]]; });
      })
    ).then(function (found) {
      if (ask !== asked) return;
      found.forEach(function (pair) {
        var village = pair[0], doc = pair[1];
        var item = element("li", "township-search__result");
        var link = element("a", "township-search__link", doc[1] || doc[0]);
        link.href = new URL(encodeURIComponent(village[0]) + "/" + doc[0], root).href;
        item.append(link, element("span", "township-search__village", village[1]));
        if (doc[2]) item.append(element("p", "township-search__excerpt", excerpt(doc[2], query)));
        list.append(item);
      });
      more.hidden = list.children.length >= hits.length;
    });
  }

  function search(query) {
    var ask = ++asked;
    hits = [];
    list.replaceChildren();
    more.hidden = true;
    var wanted = words(query);
    if (!wanted.length) {
      status.textContent = "";
      return;
    }
    if (runs(query).every(function (run) { return !/^[0-9a-z]+$/.test(run) && Array.from(run).length === 1; })) {
      status.textContent = "请至少输入两个字。";
      return;
    }
    status.textContent = "正在搜索……";
    load("township-search/index.js")
      .then(function (loadedIndex) {
        index = loadedIndex;
        return Promise.all(
          wanted.map(function (word) {
            var number = shardOf(word, index.shards);
            return load("township-search/shards/" + number + ".js").then(function (shard) { return postings(shard[word]); });
          })
        );
      })
      .then(function (lists) {
        if (ask !== asked) return;
        var found = intersect(lists);
        Object.keys(found)
          .map(Number)
          .sort(function (a, b) { return a - b; })
          .forEach(function (village) {
            found[village].forEach(function (page) { hits.push([village, page]); });
          });
        var villages = Object.keys(found).length;
        status.textContent = hits.length
          ? "找到 " + hits.length + " 个页面，在 " + villages + " 个村。"
          : "没有找到含有“" + query + "”的页面。";
        return showMore(query, ask);
      })
      .catch(function () {
        if (ask === asked) status.textContent = "搜索没有完成：读取搜索索引失败，请刷新页面再试。";
      });
  }

  var timer = null;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value.trim());
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value.trim()); }, 300);
  });
  more.addEventListener("click", function () { showMore(input.value.trim(), asked); });
})();
