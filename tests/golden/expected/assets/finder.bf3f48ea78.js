/* Find a closed posting by its job ID, from jobs.json. */
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  if (!form) { return; }
  var status = form.querySelector("[data-finder-status]");
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var wanted = form.elements.id.value.trim().toLowerCase();
    if (!wanted) { return; }
    fetch(form.dataset.jobs).then(function (response) { return response.json(); })
      .then(function (data) {
        var lang = document.documentElement.lang;
        var found = data.postings.filter(function (p) {
          return (p.job_id || "").toLowerCase() === wanted;
        }).sort(function (a, b) { return (b.lang === lang) - (a.lang === lang); })[0];
        if (found) {
          window.location.href = form.dataset.root + found.url.slice(form.dataset.base.length);
          return;
        }
        status.textContent = form.dataset.none.replace("{id}", form.elements.id.value.trim());
      });
  });
})();
