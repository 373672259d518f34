/* Names for the admin's own widgets that axe finds unnamed: the autocomplete boxes (select2
   names them by their empty selection) and the filter boxes' help icons (a label on a span). */
(function () {
  "use strict";
  function labelOf(select) {
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }
  function nameAutocompletes() {
    Array.prototype.forEach.call(document.querySelectorAll("select.admin-autocomplete"), function (select) {
      var box = select.parentNode.querySelector(".select2-selection");
      var shown = select.parentNode.querySelector(".select2-selection__rendered");
      var name = labelOf(select);
      if (box && name) {
        box.setAttribute("aria-label", name);
        box.removeAttribute("aria-labelledby");
      }
      if (shown && name) {
        shown.setAttribute("aria-label", name);
      }
    });
  }
  function fixHelpIcons() {
    Array.prototype.forEach.call(document.querySelectorAll(".help-tooltip[aria-label]"), function (icon) {
      icon.setAttribute("role", "img");
    });
  }
  window.addEventListener("load", function () {
    // After the admin's own scripts, which draw these widgets when the page has loaded.
    window.setTimeout(function () {
      nameAutocompletes();
      fixHelpIcons();
    }, 0);
  });
  document.addEventListener("formset:added", function () {
    window.setTimeout(nameAutocompletes, 0);
  });
})();
