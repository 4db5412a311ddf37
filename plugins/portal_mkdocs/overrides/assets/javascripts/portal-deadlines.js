/*
 * Deadlines marked by today's date, in the browser (issue 15): the site is static and its
 * build never reads the clock, so that the same data gives the same bytes.
 *
 * - Each deadline of a plan carries its date (data-due="2024-12-20") and both of its
 *   labels, hidden ("đã qua", "sắp tới": the words are in the page, not here); the one
 *   that fits today is shown and the item gets the class portal-due--past or
 *   portal-due--upcoming (a deadline falling today is upcoming).
 * - A page with a "next deadline" line (.portal-next-deadline, the school's page) shows
 *   the first upcoming deadline there, with a link to its item; it stays hidden when none
 *   is left.
 * - Today is the reader's local date. With Material's instant navigation this runs again
 *   on each new page (document$).
 */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function mark() {
    var items = document.querySelectorAll("[data-due]");
    if (!items.length) return;  // most pages: nothing to mark, nothing to touch
    var day = today();
    var upcoming = [];
    items.forEach(function (item) {
      var past = item.dataset.due < day;
      item.classList.toggle("portal-due--past", past);
      item.classList.toggle("portal-due--upcoming", !past);
      var pastLabel = item.querySelector(".portal-due-label--past");
      var upcomingLabel = item.querySelector(".portal-due-label--upcoming");
      if (pastLabel) pastLabel.hidden = !past;
      if (upcomingLabel) upcomingLabel.hidden = past;
      if (!past) upcoming.push(item);
    });
    var next = document.querySelector(".portal-next-deadline");
    if (!next) return;
    upcoming.sort(function (a, b) { return a.dataset.due < b.dataset.due ? -1 : a.dataset.due > b.dataset.due ? 1 : 0; });
    var first = upcoming[0];
    var link = next.querySelector(".portal-next-deadline__link");
    if (!first || !link || !first.id) { next.hidden = true; return; }
    link.href = "#" + first.id;
    link.textContent = first.dataset.dueText || first.textContent.trim();
    next.hidden = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
