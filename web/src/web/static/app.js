// Machi's own progressive enhancement: every form works without this file.
// - a submitted form's button is disabled and says so (no double posts);
// - a photo input shows a preview of the chosen file;
// - a text area with data-limit shows a live character count;
// - the console's menu closes on Escape and on a click elsewhere.
"use strict";
document.addEventListener("submit", function (event) {
  var button = event.target.querySelector("button[type=submit]");
  if (button && button.dataset.busy) {
    button.disabled = true;
    button.textContent = button.dataset.busy;
  }
});
document.querySelectorAll("input[type=file][data-preview]").forEach(function (input) {
  var img = document.getElementById(input.dataset.preview);
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!img || !file) return;
    img.src = URL.createObjectURL(file);
    img.hidden = false;
  });
});
document.querySelectorAll("textarea[data-limit]").forEach(function (area) {
  var out = document.getElementById(area.dataset.counter);
  var limit = parseInt(area.dataset.limit, 10);
  function update() {
    // Characters as a person counts them (code points), not UTF-16 units.
    var used = Array.from(area.value).length;
    out.textContent = used + " / " + limit;
    out.classList.toggle("over", used > limit);
  }
  area.addEventListener("input", update);
  update();
});
document.querySelectorAll("details.menu").forEach(function (menu) {
  var summary = menu.querySelector("summary");
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
});
