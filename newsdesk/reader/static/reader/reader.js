// Newsdesk reader features: bookmark buttons without reloads and the reading streak.
// Pages are cached and identical for every reader; this script fills in the personal parts.
(function () {
  "use strict";
  var DAYS_KEY = "newsdesk:days";
  var streakEl = document.querySelector("[data-streak]");
  var timeZone = (streakEl && streakEl.dataset.timeZone) || "Asia/Almaty";
  var state = { bookmarks: [], signed_in: false, days: [] };

  function today() {
    // The calendar day in the newsroom's time zone, as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", {
      timeZone: timeZone, year: "numeric", month: "2-digit", day: "2-digit"
    }).format(new Date());
  }
  function shift(day, delta) {
    var d = new Date(day + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + delta);
    return d.toISOString().slice(0, 10);
  }
  function localDays() {
    try { return JSON.parse(localStorage.getItem(DAYS_KEY)) || []; } catch (e) { return []; }
  }
  function saveLocalDays(days) {
    try { localStorage.setItem(DAYS_KEY, JSON.stringify(days.slice(-400))); } catch (e) { /* private mode */ }
  }
  // Mirrors newsdesk.reader.services.streak_current.
  function streakCurrent(days, day) {
    var read = {};
    days.forEach(function (d) { read[d] = true; });
    if (!read[day]) { day = shift(day, -1); }
    var count = 0;
    while (read[day]) { count += 1; day = shift(day, -1); }
    return count;
  }
  function showStreak() {
    if (!streakEl) { return; }
    var days = localDays().concat(state.days);
    var n = streakCurrent(days, today());
    if (n < 1) { streakEl.hidden = true; return; }
    var lang = document.documentElement.lang || "ru";
    var category = new Intl.PluralRules(lang).select(n);
    var form = streakEl.dataset[category] || streakEl.dataset.other;
    streakEl.textContent = form.replace("{n}", String(n));
    streakEl.hidden = false;
  }
  function recordRead() {
    if (!document.querySelector("article[data-article-id]")) { return; }
    var days = localDays();
    var day = today();
    if (days.indexOf(day) === -1) { days.push(day); saveLocalDays(days); }
  }

  function setPressed(form, pressed) {
    var button = form.querySelector("button");
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    var label = pressed ? button.dataset.labelOn : button.dataset.labelOff;
    button.setAttribute("aria-label", label);
    button.title = label;
  }
  function applyBookmarks() {
    document.querySelectorAll("form[data-bookmark]").forEach(function (form) {
      setPressed(form, state.bookmarks.indexOf(Number(form.dataset.bookmark)) !== -1);
    });
    renderPanel();
  }

  // The header panel lists saved articles, newest saved first, each with a remove button.
  var panel = document.querySelector("[data-bookmarks-panel]");
  function renderPanel() {
    if (!panel) { return; }
    var list = panel.querySelector("[data-bookmarks-list]");
    var old = panel.querySelector(".empty-state");
    if (old) { old.remove(); }
    list.textContent = "";
    var items = state.items || [];
    if (!items.length) {
      list.after(panel.querySelector("template[data-bookmarks-empty]").content.cloneNode(true));
      return;
    }
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link-button";
      remove.textContent = panel.dataset.removeLabel;
      remove.setAttribute("aria-label", panel.dataset.removeLabel + ": " + item.title);
      remove.addEventListener("click", function () { removeBookmark(item.id); });
      li.append(link, remove);
      list.append(li);
    });
  }
  function removeBookmark(id) {
    fetch("/reader/bookmarks/" + id + "/", {
      method: "POST", credentials: "same-origin", body: new URLSearchParams({ action: "remove" }),
      headers: { Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      state.bookmarks = state.bookmarks.filter(function (x) { return x !== id; });
      state.items = (state.items || []).filter(function (item) { return item.id !== id; });
      applyBookmarks();
    }).catch(function () { window.location.href = "/reader/bookmarks/"; });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-bookmark]");
    if (!form) { return; }
    event.preventDefault();
    fetch(form.action, {
      method: "POST", credentials: "same-origin", headers: { Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (data) {
      var id = Number(form.dataset.bookmark);
      state.bookmarks = state.bookmarks.filter(function (x) { return x !== id; });
      state.items = (state.items || []).filter(function (item) { return item.id !== id; });
      if (data.bookmarked) {
        state.bookmarks.push(id);
        state.items.unshift({ id: id, title: data.title, url: data.url });
      }
      applyBookmarks();
      if (window.newsdeskTrack && data.bookmarked) { window.newsdeskTrack("bookmark", { article: id }); }
    }).catch(function () { form.submit(); });
  });

  var confirmForm = document.querySelector("form[data-signin-confirm]");
  if (confirmForm) { confirmForm.elements.days.value = localDays().join(","); }

  recordRead();
  showStreak();
  fetch("/reader/state.json", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : state; })
    .then(function (data) {
      state = data;
      applyBookmarks();
      if (state.signed_in && document.querySelector("article[data-article-id]")) {
        fetch("/reader/read/", { method: "POST", credentials: "same-origin" });
        if (state.days.indexOf(today()) === -1) { state.days.push(today()); }
      }
      showStreak();
    })
    .catch(function () { /* offline: local streak already shown */ });
})();
