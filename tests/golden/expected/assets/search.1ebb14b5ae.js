/* Full-text search of open postings with Pagefind's API, under our own accessible markup.
   Without script the form stays hidden and the page says so; the lists still work. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input");
  var status = form.querySelector("[data-search-status]");
  var results = form.querySelector("[data-search-results]");
  var engine = null;
  var SHOWN = 20, MOST = 500;

  function load() {
    if (!engine) {
      var bundle = new URL(form.dataset.bundle, document.baseURI);
      engine = import(bundle.href + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: new URL("..", bundle).pathname })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function excerpt(html) {
    var holder = document.createElement("template"), out = document.createElement("p");
    holder.innerHTML = html;
    holder.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function open(data) {
    var deadline = Date.parse((data.meta || {}).deadline);
    return isNaN(deadline) || Date.now() < deadline;
  }

  function show(words, found) {
    results.textContent = "";
    found.slice(0, SHOWN).forEach(function (data) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title;
      item.appendChild(link);
      item.appendChild(excerpt(data.excerpt));
      results.appendChild(item);
    });
    var template = found.length === 1 ? status.dataset.one
      : found.length ? status.dataset.some : status.dataset.none;
    status.textContent = template.replace("{count}", found.length).replace("{words}", words);
  }

  function search(event) {
    event.preventDefault();
    var words = input.value.trim();
    if (!words) { results.textContent = ""; status.textContent = ""; return; }
    load().then(function (pagefind) { return pagefind.search(words); })
      .then(function (answer) {
        return Promise.all(answer.results.slice(0, MOST).map(function (r) { return r.data(); }));
      })
      .then(function (found) { show(words, found.filter(open)); })
      .catch(function () { status.textContent = status.dataset.unavailable; });
  }

  form.hidden = false;
  form.addEventListener("submit", search);
})();
