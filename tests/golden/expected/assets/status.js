/* Keeps a page true between builds: once a deadline passes in the reader's clock, the posting
   reads as closed, its apply links go, and it leaves open listings. Without script, the page
   still states the deadline in full. */
(function () {
  "use strict";
  function close(item) {
    var status = item.querySelector("[data-status]");
    if (status && status.getAttribute("data-status") !== "closed") {
      status.setAttribute("data-status", "closed");
      status.textContent = status.getAttribute("data-closed-label");
    }
    item.querySelectorAll("[data-apply]").forEach(function (el) { el.remove(); });
    item.querySelectorAll("[data-closed-notice]").forEach(function (el) { el.hidden = false; });
    var script = document.querySelector('script[type="application/ld+json"]');
    if (script && item.matches("article")) { script.remove(); }
    if (item.closest('[data-listing="live"]')) { item.remove(); }
  }
  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach(function (item) {
      var deadline = Date.parse(item.getAttribute("data-deadline"));
      if (!isNaN(deadline) && now >= deadline) { close(item); }
    });
  }
  update();
  setInterval(update, 30000);
})();
