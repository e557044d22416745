/* Keeps a page true between builds: once a deadline passes in the reader's clock, the posting
   reads as closed, its apply section goes, and it leaves open listings. Without script, the
   page still states the deadline in full. */
(function () {
  "use strict";
  function close(item) {
    item.querySelectorAll("[data-status]").forEach(function (el) {
      el.setAttribute("data-status", "closed");
    });
    item.querySelectorAll("[data-closed-text]").forEach(function (el) {
      el.textContent = el.getAttribute("data-closed-text");
    });
    item.querySelectorAll("[data-apply]").forEach(function (el) { el.remove(); });
    item.querySelectorAll("[data-closed-notice]").forEach(function (el) { el.hidden = false; });
    if (item.matches("article")) {
      document.querySelectorAll('script[type="application/ld+json"]').forEach(function (el) {
        el.remove();
      });
    }
    var listing = item.closest('[data-listing="live"]');
    if (listing) {
      item.remove();
      if (!listing.querySelector("[data-deadline]")) {
        document.querySelectorAll("[data-empty]").forEach(function (el) { el.hidden = false; });
      }
    }
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
