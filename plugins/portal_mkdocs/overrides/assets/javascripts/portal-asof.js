/*
 * A list that changed during the school year, on any day (body.html, portal.terms).
 *
 * The page holds every row the list had during the year, each with the days it is in force
 * (data-from, data-until: ISO days, empty when open); without this script the rows in force
 * at the latest date the data covers are shown and the others carry `hidden`. The script
 * shows the control (a date input), sets it to the reader's own day (the build never reads
 * a clock: the same data gives the same page), kept within the school year, and shows the
 * rows in force on the day chosen, and names that day in the printed sheet's heading
 * (.portal-asof-printed: a list printed for an earlier day says which) with the line naming
 * the document the list was in that day (.portal-print-origin: before a replacement, the
 * replaced decision) and its issuer's letterhead (.portal-print-issuer), as the page's "Danh
 * sách theo" does (.portal-list-source). Its words come from
 * the page (data-status-*): no text of its own. Nothing is fetched.
 */
(function () {
  "use strict";

  function isoToday() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function shown(iso) {  // 2024-11-04 -> 04/11/2024, as the page writes dates
    var parts = iso.split("-");
    return parts[2] + "/" + parts[1] + "/" + parts[0];
  }

  function setUp(control) {
    if (control.dataset.portalAsofReady) return;
    control.dataset.portalAsofReady = "1";
    var input = control.querySelector("input[type=date]");
    var status = control.querySelector(".portal-asof-status");
    var latest = document.querySelector("[data-portal-asof-latest]");
    var printed = document.querySelector(".portal-asof-printed");
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.portal-roster tr[data-from]"));
    // What names the document the list is in, one for each stretch of the year: the printed
    // line and letterhead, and the page's "Danh sách theo".
    var origins = Array.prototype.slice.call(document.querySelectorAll(
      ".portal-print-origin[data-from], .portal-print-issuer[data-from], .portal-list-source[data-from]"));
    if (!input || !status || !rows.length) return;

    function inForce(element, day) {
      var from = element.getAttribute("data-from"), until = element.getAttribute("data-until");
      return (!from || from <= day) && (!until || day <= until);
    }

    function show(day) {
      var count = 0;
      rows.forEach(function (row) {
        row.hidden = !inForce(row, day);
        if (!row.hidden) count += 1;
      });
      // Before the list's first day (typed below the least the control offers) no document
      // holds it: none is named.
      var before = input.min && day < input.min;
      origins.forEach(function (origin) { origin.hidden = before || !inForce(origin, day); });
      var words = count ? control.dataset.statusOn : control.dataset.statusNone;
      status.textContent = words.replace("{date}", shown(day)).replace("{count}", String(count));
      if (printed) {
        printed.textContent = control.dataset.statusPrinted.replace("{date}", shown(day));
        printed.hidden = false;
      }
      // "Danh sách hiện hành theo ... từ ngày ..." holds from the latest change on.
      if (latest) latest.hidden = day < latest.getAttribute("data-portal-asof-latest");
    }

    var day = isoToday();
    if (input.min && day < input.min) day = input.min;
    if (input.max && day > input.max) day = input.max;
    input.value = day;
    control.hidden = false;
    show(day);
    input.addEventListener("change", function () {
      if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) show(input.value);
    });
  }

  function run() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-portal-asof]"), setUp);
  }

  // Material's instant navigation swaps the page without loading this script again.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
