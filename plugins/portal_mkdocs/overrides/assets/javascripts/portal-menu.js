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
 * - The open drawer is modal, as in WAI-ARIA's dialog pattern: the rest of the page is
 *   `inert` (out of the tab order and of a screen reader's reach) but for the menu button,
 *   and Tab goes round the button and the drawer's links. Esc closes it and gives the focus
 *   back to the button. Whatever closes it (Esc, the button, the overlay, the theme on
 *   instant navigation) or a window widened past the drawer gives the page back.
 * - Opened from the keyboard, the focus goes to the drawer's first link.
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

  // Where the navigation is a drawer: the theme's breakpoint (a sidebar from 76.25em).
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  // The elements this made inert while the drawer is open (none made by anyone else).
  var held = [];

  function sidebar() {
    return document.querySelector(".md-sidebar--primary");
  }

  // What the keyboard reaches while the drawer is open, in tab order: the button, then the
  // drawer's links and its section labels on the screen (not those of a closed section).
  function stops() {
    var nav = sidebar();
    var inside = nav ? nav.querySelectorAll("a[href], button, input, [tabindex]") : [];
    var found = [button];
    for (var i = 0; i < inside.length; i++) {
      var el = inside[i];
      if (el.tabIndex >= 0 && el.getClientRects().length && getComputedStyle(el).visibility === "visible") {
        found.push(el);
      }
    }
    return found;
  }

  // Everything inert but `keep` and their ancestors: each sibling of them and of their
  // ancestors up to the body (inert reaches all that is inside an element, so an ancestor of
  // what is kept cannot be inert itself).
  function hold(keep) {
    keep.forEach(function (kept) {
      for (var node = kept; node && node.parentElement && node !== document.body; node = node.parentElement) {
        for (var other = node.parentElement.firstElementChild; other; other = other.nextElementSibling) {
          if (other.inert || keep.some(function (k) { return other.contains(k); })) continue;
          other.inert = true;
          held.push(other);
        }
      }
    });
  }

  function release() {
    held.forEach(function (el) { el.inert = false; });
    held = [];
  }

  // The page follows the drawer: held while it is open on a narrow screen, given back
  // otherwise (instant navigation replaced the content: hold the new one).
  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    release();
    var nav = sidebar();
    // The checkbox and the overlay (the theme's label for it) keep working: a tap on the
    // overlay closes the drawer.
    if (drawer.checked && narrow.matches && nav) {
      hold([button, nav, drawer].concat(Array.prototype.slice.call(document.querySelectorAll(".md-overlay"))));
    }
  }

  button.addEventListener("click", function (event) {
    drawer.click();
    // detail 0: Enter or Space, not a tap or a mouse click.
    if (drawer.checked && event.detail === 0) {
      var link = stops()[1];
      if (link) link.focus();
    }
  });
  drawer.addEventListener("change", sync);
  narrow.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (!held.length) return;
    if (event.key === "Escape") {
      drawer.click();
      button.focus();
    } else if (event.key === "Tab") {
      // Round, not out to the browser's address bar: from the last stop to the first (the
      // button), and back; from nowhere (the focus on the page's body after a tap) in.
      var all = stops();
      var at = all.indexOf(document.activeElement);
      var to = event.shiftKey ? (at <= 0 ? all.length - 1 : -1) : (at < 0 || at === all.length - 1 ? 0 : -1);
      if (to < 0) return;
      event.preventDefault();
      all[to].focus();
    }
  });
  if (window.document$) window.document$.subscribe(sync);
  sync();
})();
