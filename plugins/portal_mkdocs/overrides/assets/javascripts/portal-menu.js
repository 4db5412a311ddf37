/*
 * The menu button of the header (partials/header.html): opens and closes the theme's
 * navigation drawer on a narrow screen, from the keyboard as from a tap.
 *
 * The drawer is the theme's checkbox #__drawer (its overlay and its title still close it);
 * the button clicks it, so the theme sees the change as from its own <label>.
 * - aria-expanded follows the checkbox, whatever changed it.
 * - Opened from the keyboard, the focus goes to the drawer's first link; Esc inside the
 *   drawer closes it and gives the focus back to the button.
 * - The header is kept across instant navigation: this runs once.
 */
(function () {
  "use strict";

  var button = document.querySelector("[data-portal-menu]");
  var drawer = document.getElementById("__drawer");
  if (!button || !drawer || button.dataset.portalMenuReady) return;
  button.dataset.portalMenuReady = "1";

  function sidebar() {
    return document.querySelector(".md-sidebar--primary");
  }

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function firstLink() {
    var nav = sidebar();
    var links = nav ? nav.querySelectorAll("a[href]") : [];
    for (var i = 0; i < links.length; i++) {
      if (links[i].getClientRects().length) return links[i];
    }
    return null;
  }

  button.addEventListener("click", function (event) {
    drawer.click();
    // detail 0: Enter or Space, not a tap or a mouse click.
    if (drawer.checked && event.detail === 0) {
      var link = firstLink();
      if (link) link.focus();
    }
  });
  drawer.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    var nav = sidebar();
    if (event.key !== "Escape" || !drawer.checked || !nav || !nav.contains(document.activeElement)) return;
    drawer.click();
    button.focus();
  });
  // The theme closes the drawer on instant navigation without telling.
  if (window.document$) window.document$.subscribe(sync);
  sync();
})();
