/*
 * The portal's search in the Material header (partials/portal-search.html).
 *
 * A button opens a panel with Pagefind's default UI (pagefind/pagefind-ui.js and .css,
 * written by the index build next to the site: nothing comes from a CDN). Pagefind's
 * files load the first time the panel opens, so pages stay light.
 *
 * - Keyboard: "/" opens the search, Esc closes it and gives the focus back to the
 *   button, Tab walks through the filters and the results (links).
 * - Instant navigation: Material swaps the page content but keeps the header, so the UI
 *   is made once; on every new page (document$) the panel closes.
 * - Numbers of clusters, groups and teams: "cum 2" (or "Cụm 02", "nhom so 3") is searched
 *   as the one word "ƶcum2ƶ" ("ƶcum02ƶ", "ƶnhom3ƶ"), which the index holds before each "Cụm 02",
 *   "Cụm chuyên môn số 2" (`joinNumbers`). Pagefind takes each word of a query as the
 *   start of a longer one: "2" matched every "2024-2025", and Cụm 01 could come first.
 * - Excerpts: the index holds copies without marks of the words with a đ ("⟦dang⟧"
 *   after a line with "Đặng", see plugins/portal_mkdocs/search.py), and the joined numbers
 *   ("⟦ƶcum2ƶ⟧ ⟦ƶcum02ƶ⟧" before "Cụm 02"). The copies are taken out of the excerpts here; when
 *   a copy matched, the words it stands for are highlighted.
 * - A large site's index is in parts, merged here (pagefind/portal-parts.json).
 * - Every filter of every part is loaded before the UI starts (see `engine`).
 * - Each result shows its title, a summary line (who, which body, which year: the
 *   `summary` metadata) and the excerpt.
 * - The filters and their values are shown in Vietnamese order, that of the table the build
 *   writes (pagefind/portal-filter-order.json): Pagefind's UI lists them by their bytes
 *   ("Toán, Vật lí, Âm nhạc, Địa lí").
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-portal-search]");
  if (!root || root.dataset.portalSearchReady) return;
  root.dataset.portalSearchReady = "1";

  // Resolved now, on the page that loaded the header: the header is kept as it is
  // across instant navigation, and so is this absolute path.
  var site = new URL((root.dataset.root || ".").replace(/\/?$/, "/"), document.baseURI);
  var bundlePath = new URL("pagefind/", site).pathname;
  var toggle = root.querySelector(".portal-search__toggle");
  var panel = root.querySelector(".portal-search__panel");
  var closeButton = root.querySelector(".portal-search__close");
  var status = root.querySelector(".portal-search__status");
  var loading = null;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // "Đặng" -> "dang", as portal.text.fold does.
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  // The words of a token as copies write them: letters folded; a number also without its
  // leading zeros and with one ("02" is "2" and "02", "1" is "1" and "01").
  function wordsOf(token) {
    var words = fold(token.replace(/<[^>]*>/g, "")).match(/\p{L}+|\d+/gu) || [];
    words.filter(function (word) { return /^\d+$/.test(word); }).forEach(function (number) {
      var n = parseInt(number, 10);
      words.push(String(n), (n < 10 ? "0" : "") + n);
    });
    return words;
  }

  // The words before a number that the index joins to it (search.py NUMBERED_KINDS, folded).
  var NUMBERED_KINDS = ["cum", "nhom", "to"];
  // Around a joined number, in the index and in a query (search.py NUMBER_MARK): "ƶcum2ƶ". Pagefind
  // matches a query's word to every word that starts with it, and where there is none, to the
  // longest word that starts the query's word: without the marks "cum1" found "cum12", and
  // "cum12", where no cluster 12 is, found "cum1". A letter no reader types: with "j", a query
  // "j" found every copy.
  var NUMBER_MARK = "ƶ";
  var JOINED = new RegExp("^" + NUMBER_MARK + "(\\p{L}+)(\\d+)" + NUMBER_MARK + "$", "u");
  // Around the copies in the index (search.py FOLD_OPEN, FOLD_CLOSE): "⟦ƶcum2ƶ⟧", "⟦dang⟧".
  var FOLD_OPEN = "\u27e6";
  var FOLD_CLOSE = "\u27e7";
  // What only the index writes, taken out of a query: typed, the mark ("ƶ", or "Ƶ", which Pagefind
  // lowers) started every joined number and listed every numbered body; "⟦" every copy.
  var INTERNAL = new RegExp("[" + FOLD_OPEN + FOLD_CLOSE + NUMBER_MARK + "]", "giu");

  // A query as the index holds a cluster's, a group's or a team's number: "cum 2" -> "ƶcum2ƶ",
  // "Cụm 02" -> "ƶcum02ƶ", "nhom so 3" -> "ƶnhom3ƶ"; typed as one word too ("cum2", "cumso2", a phone's
  // way), and with punctuation after it ("Cụm 2,"); the other words as typed. Pagefind's UI
  // shows the query as typed. What only the index writes is taken out first (INTERNAL).
  function joinNumbers(term) {
    var words = term.replace(INTERNAL, "").trim().split(/\s+/);
    var out = [];
    for (var i = 0; i < words.length; i++) {
      var kind = fold(words[i]);
      var glued = GLUED_NUMBER.exec(kind);
      var at = i + 1 < words.length - 1 && fold(words[i + 1]) === "so" ? i + 2 : i + 1;
      var number = NUMBER.exec(words[at] || "");
      if (glued && NUMBERED_KINDS.indexOf(glued[1]) >= 0) {
        out.push(numberWord(glued[1], glued[2]));
      } else if (NUMBERED_KINDS.indexOf(kind) >= 0 && number) {
        out.push(numberWord(kind, number[1]));
        i = at;
      } else {
        out.push(words[i]);
      }
    }
    return out.join(" ");
  }

  // The number as typed (1 to 3 digits, search.py _NUMBERED), the punctuation after it left out: "2,".
  var NUMBER = /^(\d{1,3})\p{P}*$/u;
  // A kind and its number as one word, folded: "cum2", "cumso2", "nhom03.".
  var GLUED_NUMBER = /^(\p{L}+?)(?:so)?(\d{1,3})\p{P}*$/u;

  // The form typed: "cum 02" is "ƶcum02ƶ", "cum 2" and "cum 002" "ƶcum2ƶ" (the copies are both).
  function numberWord(kind, digits) {
    var n = parseInt(digits, 10);
    return NUMBER_MARK + kind + (digits.length === 2 && n < 10 ? "0" : "") + n + NUMBER_MARK;
  }

  // A number in words as portal/number_words.py reads it (its UNITS, _LAST_UNITS, _TEN and _TENS,
  // folded), for the excerpt only: the query reads digits. "muoi" is ten, and "-ty" after a unit.
  var UNITS = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
  var LAST_UNITS = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
  var TEN = "muoi";
  // The first words of what may follow a number in words (number_words.py FOLLOWERS, folded):
  // "Cụm Hai thuộc ...", not "Cụm Hai Bà Trưng", nor "Nhóm Ba Đình".
  var FOLLOWERS = ["co", "cua", "do", "gom", "huyen", "khoi", "mam", "mg", "mn", "nam", "phuong", "quan", "th",
                   "thanh", "thcs", "thi", "thpt", "thuoc", "tieu", "tinh", "trung", "truong", "va", "xa"];

  // A token that ends with the word "năm", in any case (number_words.py's year, marked).
  var YEAR = /(?:^|[^\p{L}\p{N}_])năm$/iu;

  function has(table, word) { return Object.prototype.hasOwnProperty.call(table, word); }

  function isNumberWord(word) { return word === TEN || has(UNITS, word) || has(LAST_UNITS, word); }

  // The value of folded number words: "muoi mot" 11, "hai muoi mot" 21, "tu" 4; -1 for none.
  function spelt(words) {
    var first = words[0] === TEN ? 10 : has(UNITS, words[0]) ? UNITS[words[0]] : -1;
    var rest = words.slice(first === 10 ? 1 : 2);
    if (first < 0 || rest.length > 1 || (first !== 10 && words.length > 1 && words[1] !== TEN)) return -1;
    var tens = first === 10 || words.length === 1 ? first : 10 * first;
    if (!rest.length) return tens;
    return has(LAST_UNITS, rest[0]) ? tens + LAST_UNITS[rest[0]] : -1;
  }

  var FOLDED = new RegExp("^(<mark>)?" + FOLD_OPEN +
                          "([^" + FOLD_CLOSE + "\\s]*)" + FOLD_CLOSE + "([^\\s<]*)(</mark>)?$");

  function mark(token) {
    return token.indexOf("<mark>") < 0 ? "<mark>" + token + "</mark>" : token;
  }

  // Takes the copies out of an excerpt. When a copy of a đ word ("⟦dang⟧") matched, the word it
  // stands for is highlighted: a little before it, copies of đ words follow their line. When a
  // joined number matched ("⟦ƶcum2ƶ⟧"), the words after it: the kind, then the number ("Cụm 02",
  // "Nhóm liên trường số 3", "Cụm Mười Một" for "⟦ƶcum11ƶ⟧"), its copy is just before them. As
  // search.py reads it (portal/number_words.py read()): the number right after the kind or after
  // "số", the whole number (not "Hai" of "Cụm Hai Mươi Tư" for 2, nor of "Cụm Hai Bà Trưng", nor
  // "Ba" of "Nhóm liên trường Ba Đình số 3"); "năm học" may follow it ("Cụm Hai năm học ..."),
  // and a year ("Cụm Hai năm 2024": "năm" before digits is no five, "Cụm năm 2024" no number).
  function cleanExcerpt(html) {
    if (!html || html.indexOf(FOLD_OPEN) < 0) return html;
    var out = [];
    // A joined number matched: {words: [kind, number] still to find, left: tokens, next: whether
    // the next token may start the number, run: the places of the number words in a row there}.
    var ahead = null;
    function folded(k) {
      var words = wordsOf(out[k]);
      return words.length === 1 ? words[0] : "";
    }
    // The number words in a row read as the number where the name ends with them (`next`, the
    // token after them: none, or no word, or a word of FOLLOWERS), or as it and "năm" of "năm
    // học" or of a year: marked.
    function spelled(next) {
      var run = ahead.run.map(folded);
      var target = +ahead.words[0];
      var text = next.replace(/<[^>]*>/g, "");
      var last = out[ahead.run[run.length - 1]].replace(/<[^>]*>/g, "");
      var ends = /[^\p{L}\p{N}]$/u.test(last) || !/^\p{L}/u.test(text) || FOLLOWERS.indexOf(wordsOf(text)[0]) >= 0;
      // "năm" with its marks and a number in digits after it: a year (number_words.py year, as
      // search.py reads, with marks), where the name ends.
      var year = YEAR.test(last) && /^\p{Nd}/u.test(text);
      var end = spelt(run) === target && ends && !year ? run.length
        : run.length > 1 && run[run.length - 1] === "nam" && (year || wordsOf(text)[0] === "hoc")
          && spelt(run.slice(0, -1)) === target ? run.length - 1 : 0;
      ahead.run.slice(0, end).forEach(function (k) { out[k] = mark(out[k]); });
      ahead.run = null;
      if (end) ahead.words.shift();
    }
    function push(token) {
      out.push(token);
      if (!ahead) return;
      var words = wordsOf(token);
      var word = words.length === 1 ? words[0] : "";
      if (ahead.words.length === 2) {
        if (words.indexOf(ahead.words[0]) >= 0) {
          out[out.length - 1] = mark(token);
          ahead.words.shift();
          ahead.next = true;
        }
      } else if (ahead.run && isNumberWord(word)) {
        ahead.run.push(out.length - 1);
      } else {
        if (ahead.run) spelled(token);
        if (ahead.words.length && ahead.next && words.indexOf(ahead.words[0]) >= 0) {
          out[out.length - 1] = mark(token);
          ahead.words.shift();
        } else if (ahead.words.length && ahead.next && isNumberWord(word)) {
          ahead.run = [out.length - 1];
        }
        ahead.next = word === "so";
      }
      if (!ahead.words.length || --ahead.left <= 0) {
        if (ahead.words.length && ahead.run) spelled("");
        ahead = null;
      }
    }
    html.split(/\s+/).forEach(function (token) {
      var match = FOLDED.exec(token);
      if (!match) {
        push(token);
        return;
      }
      var joined = JOINED.exec(match[2]);
      if (joined) {
        // Looked for in the next 9 words at most: the kind, two words of the name and "số",
        // three number words, "năm" of "năm học" and the word after them, which says whether the
        // name ends there (with 6, "Tổ chuyên môn số Ba Mươi Ba" went unmarked; test_search's
        // corpus of number_words' tables finds such drifts).
        if (match[1]) ahead = { words: [joined[1], joined[2]], left: 9 };
        if (match[3]) push(match[3]); // "⟦ƶto3ƶ⟧(tổ": the text after the copy is the next word's
        return;
      }
      if (match[1]) {
        for (var k = out.length - 1; k >= 0 && k >= out.length - 60; k--) {
          if (wordsOf(out[k]).indexOf(match[2]) < 0) continue;
          out[k] = mark(out[k]);
          break;
        }
      }
      var last = out.length - 1;
      if (match[3] && last >= 0 && !/[.,;:!?]$/.test(out[last].replace(/<\/mark>$/, ""))) out[last] += match[3];
    });
    if (ahead && ahead.run) spelled("");
    return out.join(" ");
  }

  function processResult(result) {
    result.excerpt = cleanExcerpt(result.excerpt);
    (result.sub_results || []).forEach(function (sub) { sub.excerpt = cleanExcerpt(sub.excerpt); });
    var meta = result.meta || {};
    if (meta.summary) {
      result.excerpt = '<span class="portal-search__summary">' + escapeHtml(meta.summary) + "</span>" +
        result.excerpt;
      delete meta.summary; // shown above, not as a tag under the result
    }
    return result;
  }

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  function labelInput() {
    var input = panel.querySelector(".pagefind-ui__search-input");
    if (!input) return null;
    input.id = "portal-search-input";
    var label = panel.querySelector(".portal-search__label");
    if (label) label.htmlFor = input.id;
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    return input;
  }

  // Pagefind's options, given to the index here and again by the UI when it starts.
  var OPTIONS = { baseUrl: site.pathname, excerptLength: 24 };

  // How long the UI waits for the filters before it starts anyway (a very slow connection).
  var FILTERS_WAIT_MS = 4000;

  function delay(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // Pagefind's search, its parts merged and every filter loaded, before the UI starts. The
  // UI keeps the filter groups its first search saw; a search that ends before the UI has
  // loaded the filters (a quick typist, a slow phone) saw only those it had loaded, one or
  // two of six, until the next keystroke. Loaded here first, every search sees them all.
  // pagefind.js is a module: the UI's import of the same address gets this same index.
  function engine(merge) {
    return import(bundlePath + "pagefind.js").then(function (pagefind) {
      // A failed attempt may have left a broken index or parts merged already: start afresh.
      var started = pagefind.destroy().then(function () { return pagefind.options(OPTIONS); });
      // The first part's filters, meanwhile: they fail at once where its files did not load
      // (a merge would wait for them for ever).
      var first = started.then(function () { return pagefind.filters(); });
      var merged = started;
      merge.forEach(function (part) {
        merged = merged.then(function () {
          return pagefind.mergeIndex(bundlePath + part, { baseUrl: OPTIONS.baseUrl });
        });
      });
      var filters = Promise.all([first, merged.then(function () { return pagefind.filters(); })]);
      filters.catch(function () {}); // reported through the race below, unless it came too late
      return Promise.race([filters, merged.then(function () { return delay(FILTERS_WAIT_MS); })]);
    });
  }

  // Filter name -> [value, ...] in Vietnamese order, once loaded (plugins/portal_mkdocs/search.py).
  var filterOrder = null;

  // Moves `items` (siblings, in the order given) into the order of `rank(item)`, after the
  // node that follows the last of them; items without a rank keep their place after those
  // with one. Nothing moves when the order is right (the UI redraws in place; a move would
  // call this again through the observer).
  function arrange(items, rank) {
    var sorted = items.slice().sort(function (a, b) { return rank(a) - rank(b); });
    if (sorted.every(function (item, i) { return item === items[i]; })) return;
    var parent = items[0].parentNode;
    var after = items[items.length - 1].nextSibling;
    sorted.forEach(function (item) { parent.insertBefore(item, after); });
  }

  function ranker(list) {
    var ranks = {};
    list.forEach(function (name, i) { ranks[name] = i; });
    return function (name) { return name in ranks ? ranks[name] : list.length; };
  }

  function orderFilters() {
    if (!filterOrder) return;
    var ui = panel.querySelector("#portal-search-ui");
    var blocks = Array.prototype.slice.call(ui.querySelectorAll(".pagefind-ui__filter-block"));
    var groupRank = ranker(Object.keys(filterOrder));
    function nameOf(block) {
      var legend = block.querySelector("legend");
      return legend ? legend.textContent.trim() : "";
    }
    if (blocks.length > 1) arrange(blocks, function (block) { return groupRank(nameOf(block)); });
    blocks.forEach(function (block) {
      var values = Array.prototype.slice.call(block.querySelectorAll(".pagefind-ui__filter-value"));
      var valueRank = ranker(filterOrder[nameOf(block)] || []);
      if (values.length > 1) {
        arrange(values, function (value) {
          var input = value.querySelector("input");
          return valueRank(input ? input.value : "");
        });
      }
    });
  }

  function watchFilters(order) {
    if (!filterOrder) {  // once: a load that failed is tried again
      new MutationObserver(orderFilters).observe(panel.querySelector("#portal-search-ui"),
                                                 { childList: true, subtree: true });
    }
    filterOrder = order;
    orderFilters();
  }

  // The index, loaded once. When only the UI's script failed, the next opening keeps it, even
  // while it is still loading: starting afresh would destroy it under the merges under way
  // (a destroy sent to Pagefind's worker mid-load may never be answered). An index that
  // failed is loaded afresh.
  var indexing = null;

  function index() {
    if (indexing) return indexing;
    // A large site's index comes in parts (plugins/portal_mkdocs/shards.py): the first is
    // bundlePath itself, the others are listed in portal-parts.json and merged into it.
    indexing = fetch(bundlePath + "portal-parts.json").then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (parts) { return engine(parts.merge); });
    indexing.catch(function () { indexing = null; });
    return indexing;
  }

  function load() {
    if (loading) return loading;
    status.hidden = false;
    status.textContent = "Đang tải tìm kiếm…";
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundlePath + "pagefind-ui.css";
    document.head.appendChild(css);
    var ready = index();
    // Without the table (a site built before it was written) the UI keeps its own order.
    var order = fetch(bundlePath + "portal-filter-order.json").then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; });
    loading = Promise.all([ready, addScript(bundlePath + "pagefind-ui.js"), order]).then(function (loaded) {
      if (loaded[2]) watchFilters(loaded[2]);
      /* global PagefindUI */
      window.portalSearch = new PagefindUI({
        element: "#portal-search-ui",
        bundlePath: bundlePath,
        baseUrl: OPTIONS.baseUrl,
        excerptLength: OPTIONS.excerptLength,
        showImages: false,
        showSubResults: false,
        showEmptyFilters: false,
        pageSize: 8,
        debounceTimeoutMs: 150,
        processResult: processResult,
        processTerm: joinNumbers,
      });
      return new Promise(function (resolve) {
        (function wait() {
          var input = labelInput();
          if (!input) return requestAnimationFrame(wait);
          status.hidden = true;
          status.textContent = "";
          resolve(input);
        })();
      });
    });
    loading.catch(function () {
      status.hidden = false;
      status.textContent = "Chưa có chỉ mục tìm kiếm (chạy mkdocs build để tạo).";
      loading = null;
    });
    return loading;
  }

  function isOpen() { return !panel.hidden; }

  function open() {
    panel.hidden = false;
    root.classList.add("portal-search--open");
    toggle.setAttribute("aria-expanded", "true");
    load().then(function (input) { input.focus(); input.select(); }, function () {}); // the status says why
  }

  function close(giveFocusBack) {
    if (!isOpen()) return;
    panel.hidden = true;
    root.classList.remove("portal-search--open");
    toggle.setAttribute("aria-expanded", "false");
    if (giveFocusBack) toggle.focus();
  }

  toggle.addEventListener("click", function () {
    if (isOpen()) close(true); else open();
  });
  closeButton.addEventListener("click", function () { close(true); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
  });
  document.addEventListener("keydown", function (event) {
    // Esc also while the search loads, when the focus is not in the panel yet.
    if (event.key === "Escape" && isOpen() && !panel.contains(event.target)) {
      close(true);
      return;
    }
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isOpen()) return;
    // Not behind the open navigation drawer (portal-menu.js makes the header inert then).
    if (root.closest("[inert]")) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    open();
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !root.contains(event.target)) close(false);
  });
  // A result was followed: with instant navigation the header (and the panel) stay.
  panel.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) close(false);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { close(false); });
  }
})();
