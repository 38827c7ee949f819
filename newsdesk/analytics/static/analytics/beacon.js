/* Newsdesk first-party analytics: page view, engagement and events, no cookies.
 * Page identity comes from this script tag's data attributes (the same for every reader).
 * Other scripts report events with window.newsdeskTrack(name, props). */
(function () {
  "use strict";
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var endpoint = "/e/";
  var pageview = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
  var authors = data.au ? data.au.split(",") : [];
  var engagedMs = 0;
  var visibleSince = document.visibilityState === "visible" ? Date.now() : 0;
  var maxDepth = 0;
  var sent = { es: -1, sd: -1 };

  function send(events) {
    var body = JSON.stringify({ e: events });
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
      fetch(endpoint, { method: "POST", body: body, keepalive: true, credentials: "omit" });
    } catch (error) { /* analytics must never break the page */ }
  }

  function event(name, extra) {
    var item = { n: name, u: location.href, a: data.a || 0, s: data.s || 0, au: authors, pv: pageview };
    for (var key in extra) item[key] = extra[key];
    return item;
  }

  function depth() {
    var doc = document.documentElement;
    var seen = (window.scrollY || doc.scrollTop) + window.innerHeight;
    var total = Math.max(doc.scrollHeight, 1);
    maxDepth = Math.max(maxDepth, Math.min(100, Math.round((seen / total) * 100)));
  }

  function engagement() {
    if (visibleSince) {
      engagedMs += Date.now() - visibleSince;
      visibleSince = 0;
    }
    var es = Math.round(engagedMs / 1000);
    if (es === sent.es && maxDepth === sent.sd) return;
    sent = { es: es, sd: maxDepth };
    send([event("engagement", { es: es, sd: maxDepth })]);
  }

  window.newsdeskTrack = function (name, props) {
    send([event(name, { p: props || {} })]);
  };

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      visibleSince = Date.now();
    } else {
      engagement();
    }
  });
  window.addEventListener("pagehide", engagement);
  window.addEventListener("scroll", depth, { passive: true });
  document.addEventListener("click", function (e) {
    var target = e.target && e.target.closest ? e.target.closest("a[href], [data-nd-event]") : null;
    if (!target) return;
    var named = target.getAttribute("data-nd-event");
    if (named === "bookmark" || named === "subscribe") {
      window.newsdeskTrack(named, {});
    } else if (target.href && /^https?:/.test(target.href) && target.host !== location.host) {
      window.newsdeskTrack("outbound", { href: target.href.slice(0, 200) });
    }
  });

  depth();
  send([event("pageview", { r: document.referrer })]);
})();
