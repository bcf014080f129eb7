// nape: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Elements only useful with JavaScript (the print button, the key hint) are shown.
  document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });

  // Print button on the clinician's view.
  document.querySelectorAll("[data-print]").forEach(function (btn) {
    btn.addEventListener("click", function () { window.print(); });
  });

  // Question page: move focus to the question so screen readers read it first,
  // and let Y / N / D answer (only when no text field or modifier key is in use).
  var question = document.getElementById("question");
  if (question) {
    question.focus({ preventScroll: true });
    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.repeat) return;
      var tag = (ev.target && ev.target.tagName) || "";
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
      var btn = document.querySelector('.answer[data-key="' + ev.key.toLowerCase() + '"]');
      if (btn) { ev.preventDefault(); btn.click(); }
    });
  }

  // Forms: stop a double tap from sending the same answer twice.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });

  // Coming back with the browser's Back button: the page may come from its cache, re-enable.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = false; });
  });

  // Result page: select the private link when it gets focus, ready to copy.
  var link = document.getElementById("private-link");
  if (link) link.addEventListener("focus", function () { link.select(); });

  // Home page: on an error, bring the message and the field into view.
  var error = document.querySelector(".error-box p");
  if (error) {
    var invalid = document.querySelector("[aria-invalid=true]");
    if (invalid) invalid.focus();
  }
})();
