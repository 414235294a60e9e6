// Typing ":" and two letters in the composer offers the emoji whose name starts so (custom ones
// first); Tab or a click takes the first or the one clicked.

import { loadHints } from "./composer.mjs";

var timer = null;

/** The ":name" being typed just before the caret (what follows ":"), or null. */
export function emojiPrefix(textBeforeCaret) {
  var m = /(^|\s):([a-z0-9_+-]{2,32})$/.exec(textBeforeCaret);
  return m ? m[2] : null;
}

/** The text with the ":name" before the caret replaced by the whole code and a space. */
export function withEmoji(textBeforeCaret, code) {
  return textBeforeCaret.replace(/:[a-z0-9_+-]*$/, code + " ");
}

export function install() {
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.querySelector("#composer textarea");
    var hints = document.getElementById("emoji-hints");
    if (!body || !hints) return;
    body.addEventListener("input", function () { show(body, hints); });
    hints.addEventListener("mousedown", function (e) {
      var li = e.target.closest("li[data-code]");
      if (!li) return;
      e.preventDefault();
      take(body, hints, li.getAttribute("data-code"));
    });
    body.addEventListener("keydown", function (e) {
      var first = !hints.hidden && hints.querySelector("li[data-code]");
      if (first && e.key === "Tab") {
        e.preventDefault();
        take(body, hints, first.getAttribute("data-code"));
      } else if (e.key === "Escape") {
        hints.hidden = true;
      }
    });
  });
}

function show(body, hints) {
  var prefix = emojiPrefix(body.value.slice(0, body.selectionStart));
  clearTimeout(timer);
  if (prefix === null) { hints.hidden = true; return; }
  timer = setTimeout(function () { loadHints(hints, prefix); }, 150);
}

function take(body, hints, code) {
  var caret = body.selectionStart;
  var before = withEmoji(body.value.slice(0, caret), code);
  body.value = before + body.value.slice(caret);
  body.setSelectionRange(before.length, before.length);
  hints.hidden = true;
  body.focus();
}
