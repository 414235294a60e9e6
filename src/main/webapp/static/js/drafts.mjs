// What you type is kept on the server as a draft of that room (or thread) a moment after you stop
// typing, so another device finds it; sending (or scheduling) clears it.

var timers = new Map();
export var DRAFT_DELAY_MS = 800;

export function install() {
  document.addEventListener("input", function (evt) {
    var area = evt.target;
    if (!area.matches || !area.matches("textarea[data-draft]")) return;
    clearTimeout(timers.get(area));
    timers.set(area, setTimeout(function () { save(area, area.value); }, DRAFT_DELAY_MS));
  });
  // The room's composer sends over the socket; a thread reply posts its form.
  document.addEventListener("htmx:wsConfigSend", function (evt) {
    var p = evt.detail.parameters;
    if (p && p.type === "send") sent(document.querySelector("#composer textarea[data-draft]"));
  });
  document.addEventListener("htmx:beforeRequest", function (evt) {
    var elt = evt.detail.elt;
    var form = elt && elt.closest && elt.closest("form");
    if (!form) return;
    sent(form.querySelector("textarea[data-draft]"));
  });
}

function sent(area) {
  if (!area) return;
  clearTimeout(timers.get(area));
  save(area, "");
}

function save(area, text) {
  var params = draftParams(text, area.getAttribute("data-draft-thread"));
  fetch(area.getAttribute("data-draft"), {
    method: "POST",
    credentials: "same-origin",
    keepalive: true,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: params
  }).catch(function () { /* offline: the text is still in the box */ });
}

/** The form body of a draft save: the text, and its thread if it is a reply's. */
export function draftParams(text, threadOf) {
  var p = new URLSearchParams();
  p.set("body", text || "");
  if (threadOf) p.set("threadOf", threadOf);
  return p.toString();
}
