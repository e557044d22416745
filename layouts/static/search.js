/* Full-text search of open postings with Pagefind's API, under our own accessible markup.
   Each result is a card like the list's (status in words, organization, place, pay, deadline;
   status.js keeps it true), and while results are shown they stand in for the list and its
   filters, so the page never shows a count that is not about what is on screen. Without script
   the form stays hidden and the page says so; the lists still work. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input");
  var status = form.querySelector("[data-search-status]");
  var clear = form.querySelector("[data-search-clear]");
  var results = form.querySelector("[data-search-results]");
  var blank = form.querySelector("[data-search-card]").content.firstElementChild;
  var page = form.closest("main") || document.body;
  var engine = null;
  var MOST = 500;

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

  function excerpt(html, out) {
    var holder = document.createElement("template");
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
  }

  function card(data) {
    var meta = data.meta || {}, item = blank.cloneNode(true);
    var heading = document.createElement("h2"), link = document.createElement("a");
    var time = document.createElement("time");
    item.setAttribute("data-deadline", meta.deadline || "");
    item.setAttribute("data-soon", meta.soon || "");
    heading.className = "job-card__title";
    link.href = data.url;
    link.textContent = meta.title || data.url;
    heading.appendChild(link);
    item.prepend(heading);
    excerpt(data.excerpt || "", item.querySelector("[data-result-excerpt]"));
    item.querySelectorAll("[data-result]").forEach(function (field) {
      var value = meta[field.getAttribute("data-result")] || "";
      field.textContent = value;
      // A job that states no pay has no pay line, here as on its card and its page.
      if (!value && field.hasAttribute("data-optional")) { field.parentElement.remove(); }
    });
    time.setAttribute("datetime", meta.deadline || "");
    time.textContent = meta.deadline_text || "";
    item.querySelector('[data-result="deadline"]').replaceChildren(time);
    return item;
  }

  function open(data) {
    var deadline = Date.parse((data.meta || {}).deadline);
    return isNaN(deadline) || Date.now() < deadline;
  }

  function searching(on) {
    page.classList.toggle("is-searching", on);
    clear.hidden = !on;
  }

  function show(words, found) {
    results.replaceChildren.apply(results, found.map(card));
    var template = found.length === 1 ? status.dataset.one
      : found.length ? status.dataset.some : status.dataset.none;
    status.textContent = template.replace("{count}", found.length).replace("{words}", words);
    searching(true);
    document.dispatchEvent(new CustomEvent("openings:cards-added"));
  }

  function reset() {
    results.textContent = "";
    status.textContent = "";
    searching(false);
  }

  function search(event) {
    event.preventDefault();
    var words = input.value.trim();
    if (!words) { reset(); return; }
    load().then(function (pagefind) { return pagefind.search(words); })
      .then(function (answer) {
        return Promise.all(answer.results.slice(0, MOST).map(function (r) { return r.data(); }));
      })
      .then(function (found) { show(words, found.filter(open)); })
      .catch(function () { reset(); status.textContent = status.dataset.unavailable; });
  }

  form.hidden = false;
  form.addEventListener("submit", search);
  clear.addEventListener("click", function () {
    input.value = "";
    reset();
    input.focus();
  });
})();
