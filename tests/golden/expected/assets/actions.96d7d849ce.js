/* Print and copy-the-link buttons on a posting: shown only when script can run them. */
(function () {
  "use strict";
  var box = document.querySelector("[data-actions]");
  if (!box) { return; }
  var status = box.querySelector("[data-action-status]");
  var copy = box.querySelector("[data-copy]");
  box.hidden = false;
  box.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  copy.addEventListener("click", function () {
    var address = window.location.href.split("#")[0];
    var done = function () { status.textContent = copy.dataset.copied; };
    var failed = function () { status.textContent = copy.dataset.failed.replace("{url}", address); };
    if (navigator.clipboard) { navigator.clipboard.writeText(address).then(done, failed); }
    else { failed(); }
  });
})();
