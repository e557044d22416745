/* Keeps a page true between builds. With the reader's clock, it turns an open posting into a
   closing-soon or closed one in place (status words, apply section, notice), writes "Closes
   today at 11:59 p.m." / "Closes tomorrow" / "Closes in 3 days", and drops closed postings from
   open listings. Cards added later (search results) are brought up to date when their script
   sends "openings:cards-added". Without script, every page still states the deadline in full. */
(function () {
  "use strict";
  var body = document.body.dataset;
  var DAY = 86400000;

  function dayNumber(time) {
    var parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: body.zone, year: "numeric", month: "2-digit", day: "2-digit"
    }).format(new Date(time));
    return Math.round(Date.parse(parts + "T00:00:00Z") / DAY);
  }

  function clockTime(time) {
    return new Intl.DateTimeFormat(body.locale, {
      timeZone: body.zone, hour: "numeric", minute: "2-digit"
    }).format(new Date(time));
  }

  function countdown(deadline, now) {
    var days = dayNumber(deadline) - dayNumber(now);
    if (days <= 0) { return body.closesToday.replace("{time}", clockTime(deadline)); }
    if (days === 1) { return body.closesTomorrow.replace("{time}", clockTime(deadline)); }
    return body.closesIn.replace("{days}", String(days));
  }

  function setStatus(item, status) {
    item.querySelectorAll("[data-status]").forEach(function (el) {
      if (el.getAttribute("data-status") === status) { return; }
      el.setAttribute("data-status", status);
      var words = el.querySelector("span") || el;
      words.textContent = status === "closed" ? body.statusClosed : body.statusClosingSoon;
    });
  }

  function close(item) {
    setStatus(item, "closed");
    item.querySelectorAll("[data-closed-text]").forEach(function (el) {
      el.textContent = el.getAttribute("data-closed-text");
    });
    item.querySelectorAll("[data-apply], [data-countdown]").forEach(function (el) {
      el.remove();
    });
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
      document.dispatchEvent(new CustomEvent("openings:listing-changed"));
    }
  }

  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach(function (item) {
      var deadline = Date.parse(item.getAttribute("data-deadline"));
      var soon = Date.parse(item.getAttribute("data-soon"));
      if (isNaN(deadline)) { return; }
      if (now >= deadline) { close(item); return; }
      if (!isNaN(soon) && now >= soon) { setStatus(item, "closing-soon"); }
      item.querySelectorAll("[data-countdown]").forEach(function (el) {
        el.textContent = countdown(deadline, now);
      });
    });
  }

  update();
  setInterval(update, 30000);
  document.addEventListener("openings:cards-added", update);
})();
