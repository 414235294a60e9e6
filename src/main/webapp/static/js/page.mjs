// Reading the room page: which room, which messages it shows.

export function newId() {
  if (globalThis.crypto && typeof globalThis.crypto.randomUUID === "function") {
    return globalThis.crypto.randomUUID();
  }
  return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
}

export function roomElement() {
  return document.querySelector("main.room[data-room-id]");
}

/** The highest of some seq attribute values (0 for none). */
export function highest(values) {
  var last = 0;
  values.forEach(function (v) {
    var seq = parseInt(v, 10);
    if (seq > last) last = seq;
  });
  return last;
}

export function lastSeq(roomId) {
  var items = document.querySelectorAll("#messages-" + CSS.escape(roomId) + " > article[data-seq]");
  return highest(Array.prototype.map.call(items, function (el) { return el.getAttribute("data-seq"); }));
}

// When the page's last message was created: with its seq, it tells the server which message
// the page has (after a restore from a backup the same seq may name another one).
export function lastAt(roomId) {
  var seq = lastSeq(roomId);
  var el = seq && document.getElementById("msg-" + roomId + "-" + seq);
  return el ? el.getAttribute("data-at") : null;
}

// The room's change rev this page shows: set by the page, raised by every change pushed.
export function lastRev(roomId) {
  var el = document.getElementById("room-rev");
  if (!el || el.getAttribute("data-room-id") !== roomId) return null;
  var rev = parseInt(el.getAttribute("data-rev"), 10);
  return isNaN(rev) ? null : rev;
}

// A page opened at a message (a search result) keeps it in view until the reader scrolls down.
var heldAtMessage = false;

export function scrollToEnd() {
  var list = document.querySelector(".messages");
  if (list && !heldAtMessage) list.scrollTop = list.scrollHeight;
}

export function showJumpTarget() {
  var room = document.querySelector("main.room[data-jump]");
  if (!room) return;
  var id = room.getAttribute("data-room-id") + "-" + parseInt(room.getAttribute("data-jump"), 10);
  var target = document.getElementById("reply-" + id) || document.getElementById("msg-" + id);
  if (!target) return;
  heldAtMessage = true;
  target.classList.add("jump-target");
  target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  var list = document.querySelector(".messages");
  if (list) {
    list.addEventListener("scroll", function () {
      if (list.scrollHeight - list.scrollTop - list.clientHeight < 40) heldAtMessage = false;
    });
  }
}
