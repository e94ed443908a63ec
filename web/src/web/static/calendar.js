// The calendar's drag and drop: a scheduled post dropped on another day keeps its time of day
// and is moved through its own Reschedule form (which works without this file).
"use strict";
(function () {
  var grid = document.querySelector("[data-calendar]");
  if (!grid) return;
  var dragged = null;
  grid.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("[data-move]");
    if (dragged && event.dataTransfer) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.move);
    }
  });
  grid.addEventListener("dragover", function (event) {
    var day = event.target.closest("[data-day]");
    if (!dragged || !day) return;
    event.preventDefault();
    grid.querySelectorAll(".drop").forEach(function (d) { d.classList.remove("drop"); });
    day.classList.add("drop");
  });
  grid.addEventListener("dragleave", function (event) {
    var day = event.target.closest("[data-day]");
    if (day && !day.contains(event.relatedTarget)) day.classList.remove("drop");
  });
  grid.addEventListener("drop", function (event) {
    var day = event.target.closest("[data-day]");
    if (!dragged || !day) return;
    event.preventDefault();
    day.classList.remove("drop");
    var form = document.getElementById(dragged.dataset.move);
    dragged = null;
    if (!form) return;
    form.elements.at.value = day.dataset.day + "T" + form.elements.at.value.split("T")[1];
    form.requestSubmit();
  });
  grid.addEventListener("dragend", function () { dragged = null; });
})();
