/* Filters and sorting on the home page, in place, without a request. The choice lives in the
   address (shareable; the back button steps through it), the result count is announced, the
   sentence under the title names the order, and when nothing matches the page says so and
   offers to clear every filter. */
(function () {
  "use strict";
  var form = document.querySelector("[data-filters]");
  var list = document.querySelector('[data-listing="live"]');
  if (!form || !list) { return; }
  var count = form.querySelector("[data-filter-count]");
  var clear = form.querySelector("[data-filter-clear]");
  var sentence = document.querySelector("[data-sort-sentence]");
  var FILTERS = ["locations", "arrangements", "organizations", "terms", "salary", "soon"];
  var FIELDS = FILTERS.concat(["sort"]);
  var DEFAULT_SORT = "deadline";

  function chosen() {
    var values = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) { values[name] = ""; return; }
      values[name] = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
    });
    return values;
  }

  function filtering(values) {
    return FILTERS.some(function (name) { return values[name]; });
  }

  function matches(item, values) {
    var data = item.dataset;
    if (values.locations && data.locations.split(" ").indexOf(values.locations) < 0) { return false; }
    if (values.arrangements && data.arrangement !== values.arrangements) { return false; }
    if (values.organizations && data.organization !== values.organizations) { return false; }
    if (values.terms && data.term !== values.terms) { return false; }
    // The top of the pay range, a year: a job whose pay can reach the amount is shown (a job
    // that states no pay has 0, so it shows only with "Any amount" and sorts last by pay).
    if (values.salary && Number(data.salary) < Number(values.salary)) { return false; }
    if (values.soon && !item.querySelector('[data-status="closing-soon"]')) { return false; }
    return true;
  }

  function key(item, sort) {
    if (sort === "newest") { return -Date.parse(item.dataset.posted); }
    if (sort === "salary") { return -Number(item.dataset.salary); }
    return Date.parse(item.dataset.deadline);
  }

  function say(shown, total, values) {
    count.textContent = shown === 0 && total > 0 ? count.dataset.none
      : count.dataset.template.replace("{shown}", shown).replace("{total}", total);
    clear.hidden = !filtering(values);
    if (sentence) {
      sentence.textContent = sentence.dataset[values.sort] || sentence.dataset[DEFAULT_SORT];
    }
  }

  function apply(values) {
    var items = Array.prototype.slice.call(list.querySelectorAll(":scope > [data-deadline]"));
    items.sort(function (a, b) { return key(a, values.sort) - key(b, values.sort); });
    var shown = 0;
    items.forEach(function (item) {
      list.appendChild(item);
      item.hidden = !matches(item, values);
      shown += item.hidden ? 0 : 1;
    });
    form.hidden = items.length === 0;
    say(shown, items.length, values);
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var field = form.elements[name], value = params.get(name) || "";
      if (!field) { return; }
      if (field.type === "checkbox") { field.checked = value === "1"; }
      else if (!value || field.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        field.value = value || field.options[0].value;
      }
    });
    apply(chosen());
  }

  function toAddress() {
    var values = chosen(), params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (values[name] && !(name === "sort" && values[name] === DEFAULT_SORT)) {
        params.set(name, values[name]);
      }
    });
    var query = params.toString();
    window.history.pushState(null, "", query ? "?" + query : window.location.pathname);
    apply(values);
  }

  function clearAll() {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) { return; }
      if (field.type === "checkbox") { field.checked = false; }
      else { field.value = field.options[0].value; }
    });
    toAddress();
    form.elements[FILTERS[0]].focus();   // the button is gone: keep the reader in the filters
  }

  form.hidden = false;
  form.addEventListener("change", toAddress);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  clear.addEventListener("click", clearAll);
  window.addEventListener("popstate", fromAddress);
  document.addEventListener("openings:listing-changed", function () { apply(chosen()); });
  fromAddress();
})();
