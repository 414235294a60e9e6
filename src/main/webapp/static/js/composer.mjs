// The composer: each send gets its own clientMsgId and shows in the outbox until acknowledged;
// the standing line (muted until when, read-only, slow mode) turns it off or on; slow mode counts
// down on the button; typing is told to the room at most every 3 s; Enter sends, Shift+Enter
// starts a new line, and the up arrow in an empty composer edits your last message.
import { live } from "./state.mjs";
import { newId, roomElement } from "./page.mjs";
import { addToOutbox } from "./outbox.mjs";
import { uploadWithFiles } from "./uploads.mjs";

export const TYPING_EVERY_MS = 3000;

/** Whether a typing event may go now (something typed, and none sent in the last 3 s). */
export function typingDue(text, now, lastSent) {
  return text.trim() !== "" && now - lastSent >= TYPING_EVERY_MS;
}

/** The send button's text while slow mode makes the person wait. */
export function waitLabel(secondsLeft) {
  return "Wait " + secondsLeft + " s";
}

var standingTimer = null;

export function applyStanding() {
  var standing = document.querySelector(".standing[data-room-id]");
  if (!standing) return;
  var fields = document.querySelector("#composer .composer-fields");
  if (fields && !live.slowCountdown) fields.disabled = standing.getAttribute("data-can-post") !== "true";
  standing.querySelectorAll("time.local-time[datetime]").forEach(function (t) {
    t.textContent = new Date(t.getAttribute("datetime")).toLocaleString([],
      { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  });
  if (standingTimer) clearTimeout(standingTimer);
  var until = standing.getAttribute("data-muted-until");
  if (until) {
    // When the mute ends, ask for the standing again (the server decides; this only asks).
    var wait = Math.max(1000, new Date(until).getTime() - Date.now() + 1000);
    var roomId = standing.getAttribute("data-room-id");
    standingTimer = setTimeout(function () {
      htmx.ajax("GET", "/rooms/" + roomId + "/standing",
        { target: "#standing-" + roomId, swap: "outerHTML" });
    }, Math.min(wait, 2147483647));
  }
}

// Slow mode: after a send, the button counts down the seconds until the next one may go.
function startSlowCountdown() {
  var standing = document.querySelector(".standing[data-room-id]");
  var seconds = standing ? parseInt(standing.getAttribute("data-slow-mode") || "0", 10) : 0;
  var button = document.querySelector("#composer button[type=submit]");
  if (!seconds || !button) return;
  var label = button.getAttribute("data-label") || button.textContent;
  button.setAttribute("data-label", label);
  var left = seconds;
  if (live.slowCountdown) clearInterval(live.slowCountdown);
  button.disabled = true;
  button.textContent = waitLabel(left);
  live.slowCountdown = setInterval(function () {
    left -= 1;
    if (left > 0) {
      button.textContent = waitLabel(left);
      return;
    }
    clearInterval(live.slowCountdown);
    live.slowCountdown = null;
    button.disabled = false;
    button.textContent = label;
    applyStanding();
  }, 1000);
}

/** The commands a composer's text could still become: "/" and a prefix, before any space. */
export function commandPrefix(text) {
  var m = /^\/([a-z0-9_-]*)$/i.exec(text);
  return m ? m[1].toLowerCase() : null;
}

function showCommandHints(body) {
  var hints = document.getElementById("command-hints");
  if (!hints) return;
  var prefix = commandPrefix(body.value);
  var shown = 0;
  hints.querySelectorAll("li[data-command]").forEach(function (li) {
    var match = prefix !== null && li.getAttribute("data-command").indexOf(prefix) === 0;
    li.hidden = !match;
    if (match) shown++;
  });
  hints.hidden = shown === 0;
}

/** The "@name" being typed just before the caret (what follows "@"), or null. */
export function mentionPrefix(textBeforeCaret) {
  var m = /(^|\s)@([\p{L}\p{N}._-]{0,40})$/u.exec(textBeforeCaret);
  return m ? m[2] : null;
}

var mentionTimer = null;

function showMentionHints(body) {
  var hints = document.getElementById("mention-hints");
  if (!hints) return;
  var prefix = mentionPrefix(body.value.slice(0, body.selectionStart));
  clearTimeout(mentionTimer);
  if (prefix === null) { hints.hidden = true; return; }
  mentionTimer = setTimeout(function () { loadHints(hints, prefix); }, 150);
}

/** Fills a suggestion list from its data-source for what is being typed; hidden when empty. */
export function loadHints(hints, prefix) {
  fetch(hints.getAttribute("data-source") + "?q=" + encodeURIComponent(prefix),
        { credentials: "same-origin", headers: { "HX-Request": "true" } })
    .then(function (r) { return r.ok ? r.text() : ""; })
    .then(function (html) {
      hints.innerHTML = html; // rendered and escaped by the server's template
      hints.hidden = !hints.querySelector("li");
    })
    .catch(function () { hints.hidden = true; });
}

function takeMention(body, handle) {
  var caret = body.selectionStart;
  var before = body.value.slice(0, caret).replace(/@[\p{L}\p{N}._-]*$/u, "@" + handle + " ");
  body.value = before + body.value.slice(caret);
  body.setSelectionRange(before.length, before.length);
  document.getElementById("mention-hints").hidden = true;
  body.focus();
}

function composerKeys(body) {
  body.addEventListener("input", function () { showCommandHints(body); showMentionHints(body); });
  var mentions = document.getElementById("mention-hints");
  if (mentions) {
    mentions.addEventListener("mousedown", function (e) {
      var li = e.target.closest("li[data-handle]");
      if (!li) return;
      e.preventDefault();
      takeMention(body, li.getAttribute("data-handle"));
    });
  }
  body.addEventListener("keydown", function (e) {
    var open = mentions && !mentions.hidden && mentions.querySelector("li[data-handle]");
    if (open && e.key === "Tab") {
      e.preventDefault();
      takeMention(body, open.getAttribute("data-handle"));
    }
  });
  // Tell the room someone is typing, at most once every 3 seconds.
  body.addEventListener("input", function () {
    var room = roomElement();
    var now = Date.now();
    if (!live.socket || !room || !typingDue(body.value, now, live.lastTypingSent)) return;
    live.lastTypingSent = now;
    live.socket.send(JSON.stringify({ type: "typing", roomId: room.getAttribute("data-room-id") }));
  });
  body.addEventListener("keydown", function (e) {
    if (e.key === "ArrowUp" && body.value === "") {
      var mine = document.querySelectorAll(".messages > article.message.mine:not(.deleted)");
      var last = mine.length ? mine[mine.length - 1] : null;
      var room = roomElement();
      if (last && room) {
        e.preventDefault();
        htmx.ajax("GET", "/rooms/" + room.getAttribute("data-room-id") + "/messages/" +
          last.getAttribute("data-seq") + "/edit", { target: last.querySelector(".body"), swap: "innerHTML" })
          .then(function () {
            var area = last.querySelector("form.edit-form textarea");
            if (area) { area.focus(); area.setSelectionRange(area.value.length, area.value.length); }
          });
      }
      return;
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      body.form.requestSubmit();
    }
  });
}

export function install() {
  // Each send gets its own clientMsgId, so a retry of the same send is stored once.
  document.addEventListener("htmx:wsConfigSend", function (evt) {
    var files = document.querySelector("#composer input[type=file]");
    if (files && files.files.length) {
      evt.preventDefault(); // files go over HTTP; the socket brings the message back
      uploadWithFiles(document.getElementById("composer"));
      return;
    }
    var p = evt.detail.parameters;
    if (p && p.type === "send" && !(evt.detail.errors && evt.detail.errors.length)) {
      p.clientMsgId = newId();
      var open = roomElement().getAttribute("data-live") === "open";
      addToOutbox({ type: "send", roomId: p.roomId, body: p.body, clientMsgId: p.clientMsgId }, !open);
      live.lastTypingSent = 0;
      var form = document.getElementById("composer");
      if (form) form.querySelector("textarea").value = "";
      ["command-hints", "mention-hints"].forEach(function (id) {
        var hints = document.getElementById(id);
        if (hints) hints.hidden = true;
      });
      startSlowCountdown();
    }
  });
  document.addEventListener("DOMContentLoaded", applyStanding);
  document.addEventListener("htmx:wsAfterMessage", applyStanding);
  document.addEventListener("htmx:afterSettle", applyStanding);
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.querySelector("#composer textarea");
    if (body) composerKeys(body);
  });
}
