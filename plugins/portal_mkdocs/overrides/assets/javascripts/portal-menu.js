/*
 * The menu button of the header (partials/header.html): opens and closes the theme's
 * navigation drawer on a narrow screen, from the keyboard as from a tap. And the header's
 * skip link, which moves the focus to the content (below).
 *
 * The page prints the menu as the theme's <label> for the drawer's checkbox #__drawer, which
 * a tap opens without any script; this turns it into a button, which the keyboard reaches.
 * The button clicks the checkbox, so the theme sees the change as from its own <label> (its
 * overlay and its title still close the drawer).
 * - aria-expanded follows the checkbox, whatever changed it.
 * - Opened from the keyboard, the focus goes to the drawer's first link; Esc inside the
 *   drawer closes it and gives the focus back to the button.
 * - The header is kept across instant navigation: this runs once.
 */
(function () {
  "use strict";

  // The skip link (also in partials/header.html) moves the focus to the content it jumps to,
  // whoever handles the jump: the theme's instant navigation may scroll there without moving
  // the focus, and the next Tab then went to the menu button.
  var skip = document.querySelector("a.portal-skip");
  if (skip && !skip.dataset.portalSkipReady) {
    skip.dataset.portalSkipReady = "1";
    skip.addEventListener("click", function () {
      var content = document.getElementById("__portal-content");
      if (content) content.focus();
    });
  }

  var label = document.querySelector("[data-portal-menu]");
  var drawer = document.getElementById("__drawer");
  if (!label || !drawer || label.tagName !== "LABEL") return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.title = label.title;
  button.setAttribute("aria-label", label.title);
  button.setAttribute("data-portal-menu", "");
  while (label.firstChild) button.appendChild(label.firstChild);
  label.replaceWith(button);

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
