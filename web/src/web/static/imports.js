// A CSV import's page: polls its progress and moves the bar; when the import ends, the page
// reloads to show what it did or its bad rows. Without this file the page reloads itself.
"use strict";
(function () {
  var panel = document.getElementById("import");
  if (!panel || panel.hasAttribute("data-finished")) return;
  var bar = document.getElementById("import-bar");
  var shown = document.getElementById("import-percent");
  function poll() {
    fetch(panel.dataset.progress, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (answer) {
        if (!answer.ok) throw new Error(answer.status);
        return answer.json();
      })
      .then(function (state) {
        bar.value = state.percent;
        bar.textContent = state.percent + " %";
        shown.textContent = state.percent;
        if (state.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 300);
})();
