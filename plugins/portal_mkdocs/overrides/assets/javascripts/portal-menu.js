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
 *   and Tab goes round what is drawn on top: the links and section buttons of the drawer's
 *   level on top (an open section's panel covers the levels above it), the panel's back
 *   arrow, and the button only where the drawer leaves it in sight. Esc or a tap on the
 *   overlay closes it and gives the focus back to the button. Whatever closes it (Esc, the
 *   button, the overlay, the theme on instant navigation) or a window resized past the drawer
 *   (which closes it) gives the page back, scrolled where it was.
 * - A section's label is a disclosure button (aria-expanded, aria-controls naming its panel),
 *   its back arrow a button; so is the current page's entry that opens its table of contents.
 * - Opened from the keyboard, the focus goes to the drawer's first stop; opening or leaving
 *   a section moves it to the panel's back arrow or to the section's button.
 * - Resized past the breakpoint, the focus is not lost: narrowed, the focus on the button;
 *   widened, on the sidebar's first link if the drawer's title had it.
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

  // The drawer's deepest open section (its panel is drawn over the levels above it, whose
  // links are then out of sight under it), or the drawer's top level.
  function level(nav) {
    var open = nav.querySelectorAll(".md-nav__toggle:checked ~ nav.md-nav");
    return open.length ? open[open.length - 1] : nav;
  }

  // What the keyboard reaches while the drawer is open, in tab order: the drawer's links and
  // section labels of the level on top, with its back arrow, and the menu button if the
  // drawer leaves it in sight (at 360 px the drawer covers it: a stop there showed nothing; the
  // theme's overlay covers it from the first frame the drawer slides in).
  function stops() {
    var nav = sidebar();
    var top = nav ? level(nav) : null;
    var inside = top ? top.querySelectorAll("a[href], button, input, [tabindex]") : [];
    var found = shown(button) ? [button] : [];
    for (var i = 0; i < inside.length; i++) {
      var el = inside[i];
      if (el.tabIndex >= 0 && visible(el)) found.push(el);
    }
    return found;
  }

  function visible(el) {
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
  }

  // Whether the element is drawn at its centre (not under the drawer).
  function shown(el) {
    var box = el.getBoundingClientRect();
    var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !!hit && el.contains(hit);
  }

  // A section's panel has a title with a back arrow, the theme's <label> for the section's
  // checkbox, which takes no focus and is no button: the keyboard could not go back up, and a
  // screen reader read the section's name alone. A <button> now, in its place (same classes and
  // content; it clicks the checkbox, as the label did), named by where it goes back to and the
  // section it leaves (the menu's label carries the phrase, partials/language.html): "Quay lại
  // Danh mục trang từ Giới thiệu". The section's name, the text shown, stays in it.
  var back = label.getAttribute("data-portal-back") || "";
  function arrows() {
    var nav = sidebar();
    if (!nav) return;
    // A section's label, which opens its panel in the drawer and unfolds it in the wide sidebar:
    // with its tabindex, a screen reader read the section's name as plain text, nothing said of
    // a control nor of whether it was open. And the current page's entry where the page has a
    // table of contents, the theme's label for #__toc, which opens the "Mục lục" panel: no stop
    // at all, then a focusable label, which ARIA allows no role. A <button> now, in its place
    // (same id, which names a section's <nav>, classes and content; it clicks the checkbox, as
    // the label did), with aria-expanded following the checkbox (`expanded`) and aria-controls
    // naming the panel (`controls`): a disclosure button. (portal.css gives the page's entry the
    // theme's rules for label[for=__toc].)
    nav.querySelectorAll("label.md-nav__link:is([for^='__nav'], [for='__toc'])").forEach(function (entry) {
      var toggle = document.getElementById(entry.htmlFor);
      if (!toggle) return;
      var opener = document.createElement("button");
      opener.type = "button";
      if (entry.id) opener.id = entry.id;
      opener.className = entry.className;
      opener.setAttribute("data-portal-for", entry.htmlFor);
      while (entry.firstChild) opener.appendChild(entry.firstChild);
      opener.addEventListener("click", function () { toggle.click(); });
      var focused = document.activeElement === entry;
      entry.replaceWith(opener);
      controls(opener, toggle);
      if (entry.htmlFor === "__toc") contents(opener);
      if (focused) opener.focus();
    });
    expanded();
    var top = nav.querySelector("nav.md-nav--primary");
    nav.querySelectorAll("label.md-nav__title[for]").forEach(function (title) {
      var toggle = document.getElementById(title.htmlFor);
      if (title.htmlFor === drawer.id || !toggle) return;
      var arrow = document.createElement("button");
      arrow.type = "button";
      arrow.className = title.className;
      arrow.setAttribute("data-portal-for", title.htmlFor);
      while (title.firstChild) arrow.appendChild(title.firstChild);
      var up = title.parentElement.parentElement.closest("nav.md-nav");
      var upTitle = up && up !== top && up.querySelector(":scope > .md-nav__title");
      var to = upTitle ? upTitle.textContent.trim() : button.title;
      var from = arrow.textContent.trim();
      arrow.setAttribute("aria-label", back.replace("{to}", function () { return to; })
        .replace("{from}", function () { return from; }));
      arrow.addEventListener("click", function () { toggle.click(); });
      title.replaceWith(arrow);
    });
  }

  // An opener names the panel it opens by aria-controls: the theme's <nav> beside its checkbox, a
  // section's (which names the button back by aria-labelledby) or the page's table of contents
  // (labelled "Mục lục"). The theme gives the panel no id: one from the checkbox's, which the
  // theme numbers in the order of the navigation ("__nav_2" gives "__portal-nav_2", "__toc"
  // "__portal-toc").
  function controls(opener, toggle) {
    var panel = toggle.parentElement.querySelector(":scope > nav.md-nav");
    if (!panel) return;
    panel.id = panel.id || "__portal-" + toggle.id.replace(/^_+/, "");
    opener.setAttribute("aria-controls", panel.id);
  }

  // The page's entry's name says what it opens, the page's title shown first (WCAG 2.5.3):
  // "Hướng dẫn tra cứu, mục lục của trang" (the phrase is the menu's data-portal-toc,
  // partials/language.html). The page's title alone did not say it.
  var tocName = label.getAttribute("data-portal-toc") || "{page}";
  function contents(opener) {
    var page = opener.textContent.trim();
    opener.setAttribute("aria-label", tocName.replace("{page}", function () { return page; }));
  }

  // Each section's button says whether its section is open (its checkbox, whatever changed it).
  function expanded() {
    var nav = sidebar();
    if (!nav) return;
    nav.querySelectorAll("button.md-nav__link[data-portal-for]").forEach(function (opener) {
      var toggle = document.getElementById(opener.getAttribute("data-portal-for"));
      opener.setAttribute("aria-expanded", toggle && toggle.checked ? "true" : "false");
    });
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
    // Nor does the page behind scroll (a finger or a wheel on the overlay, or past the end of
    // the drawer's list).
    lock(held.length > 0);
  }

  // The page held in place: the root's overflow hidden (portal.css), and the body fixed at the
  // offset it was scrolled to, as the theme holds the page under its search on a phone (its
  // body[data-md-scrolllock] and style.top): Safari before iOS 16 ignores the overflow on touch.
  // The root stays as tall as that offset and a screen, so the window keeps its scroll offset:
  // it fell to 0 with the body fixed, and the theme, which follows it, took the page for
  // scrolled to its top under the drawer (the header's title went from the page's to the
  // site's, the table of contents in the drawer lost the reader's place), then back once closed.
  // Let go, the page is scrolled back to that offset, then to the heading a link of the page's
  // table of contents in the drawer went to (the browser could not scroll the fixed page); a
  // page that instant navigation brought in stays where the theme put it.
  var lockedAt = null;
  function lock(on) {
    var root = document.documentElement;
    var body = document.body;
    if (on === root.classList.contains("portal-drawer-open")) return;
    root.classList.toggle("portal-drawer-open", on);
    if (on) {
      lockedAt = new URL(location.href);
      root.style.height = "calc(100% + " + window.scrollY + "px)";
      body.style.top = -window.scrollY + "px";
      body.setAttribute("data-md-scrolllock", "");
      return;
    }
    var y = -parseInt(body.style.top || "0", 10);
    body.removeAttribute("data-md-scrolllock");
    body.style.top = "";
    root.style.height = "";
    var at = new URL(location.href);
    if (!lockedAt || at.pathname !== lockedAt.pathname || at.search !== lockedAt.search) return;
    // Instantly: the theme's html may scroll smoothly.
    window.scrollTo({ top: y, behavior: "instant" });
    if (at.hash === lockedAt.hash) return;
    var id = at.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (error) { /* a stray "%": the id as written */ }
    var heading = id && document.getElementById(id);
    if (heading) heading.scrollIntoView({ behavior: "instant" });
  }

  button.addEventListener("click", function (event) {
    drawer.click();
    // detail 0: Enter or Space, not a tap or a mouse click. (The drawer has only begun to
    // slide over the button.)
    if (drawer.checked && event.detail === 0) {
      var link = stops().filter(function (el) { return el !== button; })[0];
      if (link) link.focus();
    }
  });
  drawer.addEventListener("change", sync);
  // A tap on the overlay (the theme's <label> for the checkbox) closes the drawer, and the focus,
  // on nothing after the tap, goes back to the menu, as after Esc.
  document.addEventListener("click", function (event) {
    if (!drawer.checked || !event.target.closest || !event.target.closest(".md-overlay")) return;
    event.preventDefault();
    drawer.click();
    button.focus();
  });

  // A section of the open drawer opened (Enter on its button) or left (its back arrow): the
  // focus follows, to the panel's back arrow or to the section's button, instead of staying
  // under the panel or on a back arrow that is going out of sight.
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    var nav = sidebar();
    if (nav && nav.contains(toggle)) expanded();
    if (!held.length || !nav || !nav.contains(toggle) || !toggle.classList.contains("md-nav__toggle")) return;
    var to = toggle.checked
      ? toggle.parentElement.querySelector(".md-nav__title[data-portal-for='" + toggle.id + "']")
      : nav.querySelector(".md-nav__link:is([for='" + toggle.id + "'], [data-portal-for='" + toggle.id + "'])");
    if (to && nav.contains(document.activeElement)) to.focus();
  });

  // The last element that had the focus: a window resized past the breakpoint hides it (the
  // drawer's title on a wide screen, the sidebar's links in a closed drawer) and the browser
  // may have moved the focus to the body already.
  var last = null;
  document.addEventListener("focusin", function (event) { last = event.target; });
  narrow.addEventListener("change", function () {
    // Past the breakpoint either way, the drawer is closed: widened, the menu that said it was
    // open is hidden (and its aria-expanded was left "true"); narrowed, it does not spring open
    // over the page.
    if (drawer.checked) drawer.click();
    sync();
    var was = document.activeElement && document.activeElement !== document.body ? document.activeElement : last;
    var nav = sidebar();
    if (!was || !(was === button || (nav && nav.contains(was)))) return;
    // Narrowed, the drawer is closed (its links go out of sight once it has slid out): to the
    // menu. Widened, the focus stays where it is still seen, else to the sidebar's first link,
    // else to the content.
    if (!narrow.matches && visible(was)) return;
    var to = narrow.matches ? button : nav && first(nav);
    (to || document.getElementById("__portal-content")).focus();
  });

  function first(nav) {
    var links = nav.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) if (visible(links[i])) return links[i];
    return null;
  }

  document.addEventListener("keydown", function (event) {
    if (!held.length) return;
    var at = document.activeElement;
    if (event.key === "Escape") {
      drawer.click();
      button.focus();
    } else if (event.key === "Tab") {
      // Round the stops, not out to the browser's address bar nor to the links under an open
      // section; from nowhere (the focus on the page's body after a tap) in.
      var all = stops();
      var i = all.indexOf(at);
      var to = event.shiftKey ? (i <= 0 ? all.length - 1 : i - 1) : (i < 0 || i === all.length - 1 ? 0 : i + 1);
      event.preventDefault();
      if (all[to]) all[to].focus();
    }
  });
  if (window.document$) window.document$.subscribe(function () { arrows(); sync(); });
  arrows();
  sync();
})();
