// The composer's live counters and preview cards; the form works without this file (its
// Preview button asks the server, which counts with the API's own rules).
// Counting follows the publisher's rules tables (services/publisher/.../platforms/*/rules.py):
// - X: twitter-text v3 weights after NFC (code points in four ranges weigh 1, every other one
//   2; every URL 23), docs.x.com/fundamentals/counting-characters;
// - Mastodon: code points, every URL counts the instance's characters_reserved_per_url;
// - LINE: UTF-16 code units; Threads: an emoji counts its UTF-8 bytes;
// - Facebook, Instagram and the sandbox: code points after NFC.
"use strict";
(function () {
  var form = document.querySelector("form[data-composer]");
  if (!form) return;
  var URLS = /https?:\/\/\S+/g;
  var LIGHT = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
  var words = document.getElementById("counter-words");
  var overWords = words ? words.dataset.over : "{platform} +{n}";
  var names = { x: "X", facebook_page: "Facebook", instagram: "Instagram", line: "LINE",
    mastodon: "Mastodon", threads: "Threads", sandbox: "Sandbox" };

  function codePoints(text) { return Array.from(text.normalize("NFC")).length; }
  function urlsAs(weight, text, rest) {
    var found = text.match(URLS) || [];
    return rest(text.replace(URLS, "")) + weight * found.length;
  }
  function xWeight(text) {
    var total = 0;
    Array.from(text).forEach(function (char) {
      var cp = char.codePointAt(0);
      var light = LIGHT.some(function (r) { return cp >= r[0] && cp <= r[1]; });
      total += light ? 1 : 2;
    });
    return total;
  }
  function isEmoji(cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
  }
  var encoder = new TextEncoder();
  var COUNT = {
    x: function (text) { return urlsAs(23, text.normalize("NFC"), xWeight); },
    mastodon: function (text, urlWeight) { return urlsAs(urlWeight, text, codePoints); },
    line: function (text) { return text.length; },
    threads: function (text) {
      var total = 0;
      Array.from(text).forEach(function (char) {
        total += isEmoji(char.codePointAt(0)) ? encoder.encode(char).length : 1;
      });
      return total;
    }
  };
  // The text as the API sends it: the link where {link} is, else after the text.
  function withLink(text, link) {
    if (!link) return text.split("{link}").join("").trim();
    if (text.indexOf("{link}") >= 0) return text.split("{link}").join(link);
    return text.replace(/\s+$/, "") + "\n" + link;
  }
  var main = document.getElementById("text");
  var link = form.dataset.link || "";

  function count(section) {
    var own = section.querySelector("textarea");
    var out = section.querySelector(".counter");
    var limit = parseInt(section.dataset.limit || "0", 10);
    var platform = section.dataset.platform;
    var text = withLink((own && own.value.trim()) || main.value, link);
    var counter = COUNT[platform] || codePoints;
    var used = counter(text, parseInt(section.dataset.urlWeight || "23", 10));
    var over = limit > 0 && used > limit;
    out.textContent = limit > 0 ? used + " / " + limit : String(used);
    if (over) {
      out.textContent += " · " + overWords.replace("{platform}", names[platform] || platform)
        .replace("{n}", String(used - limit));
    }
    out.classList.toggle("over", over);
    if (own) own.setAttribute("aria-invalid", over ? "true" : "false");
  }
  function countAll() {
    form.querySelectorAll("section[data-channel]").forEach(count);
  }

  var preview = document.getElementById("preview");
  var timer = null;
  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var data = new FormData(form);
      data.set("action", "preview");
      fetch("/console/posts/preview", {
        method: "POST",
        body: data,
        headers: { "x-machi-fragment": "preview" },
        credentials: "same-origin"
      }).then(function (answer) {
        return answer.ok ? answer.text() : null;
      }).then(function (html) {
        if (html === null || !preview) return;
        preview.innerHTML = html;
        var cards = preview.querySelector("[data-link]");
        if (cards) { link = cards.dataset.link || ""; countAll(); }
      }).catch(function () { /* the Preview button still works */ });
    }, 400);
  }

  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") {
      if (event.target === main) countAll();
      else count(event.target.closest("section[data-channel]"));
    }
    refresh();
  });
  form.addEventListener("change", function (event) {
    if (event.target.matches("select[data-reload]")) {
      // Another product: the server brings its photos and its link.
      var button = form.querySelector("button[value=preview][data-hide-with-script]");
      if (button) form.requestSubmit(button);
      return;
    }
    if (event.target.type === "checkbox" || event.target.type === "radio") refresh();
  });
  form.querySelectorAll("[data-hide-with-script]").forEach(function (el) { el.hidden = true; });
  countAll();
})();
