// Parley's page behaviour on top of htmx and its WebSocket extension. No inline scripts:
// the Content-Security-Policy forbids them.
(function () {
  "use strict";

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function roomElement() {
    return document.querySelector("main.room[data-room-id]");
  }

  function lastSeq(roomId) {
    var items = document.querySelectorAll("#messages-" + CSS.escape(roomId) + " > article[data-seq]");
    var last = 0;
    items.forEach(function (el) {
      var seq = parseInt(el.getAttribute("data-seq"), 10);
      if (seq > last) last = seq;
    });
    return last;
  }

  function setState(text) {
    var el = document.getElementById("connection-state");
    if (el) el.textContent = text;
  }

  function scrollToEnd() {
    var list = document.querySelector(".messages");
    if (list) list.scrollTop = list.scrollHeight;
  }

  var socket = null;
  var IDLE_MS = 5 * 60 * 1000;
  var lastActivity = Date.now();
  var reported = null;

  // Presence: away when the tab is hidden or idle for 5 minutes; a heartbeat every 10 s keeps
  // this tab counted (the server forgets tabs silent for 30 s).
  function presenceNow() {
    return document.hidden || Date.now() - lastActivity > IDLE_MS ? "away" : "online";
  }
  function reportPresence(always) {
    if (!socket) return;
    var state = presenceNow();
    if (always || state !== reported) {
      reported = state;
      socket.send(JSON.stringify({ type: "presence", state: state }));
    }
  }
  ["keydown", "mousemove", "click", "scroll", "touchstart"].forEach(function (name) {
    document.addEventListener(name, function () {
      lastActivity = Date.now();
      if (reported === "away") reportPresence(false);
    }, { passive: true });
  });
  document.addEventListener("visibilitychange", function () { reportPresence(false); });
  setInterval(function () { reportPresence(true); }, 10000);
  var lastTypingSent = 0;
  var TYPING_EVERY_MS = 3000;

  // On every (re)connect, tell the server the last message this page shows; it replays the rest
  // from the store, then streams live messages, each exactly once.
  document.addEventListener("htmx:wsOpen", function (evt) {
    var room = roomElement();
    setState("");
    if (!room) return;
    room.setAttribute("data-live", "open");
    socket = evt.detail.socketWrapper;
    reported = null;
    reportPresence(true);
    var roomId = room.getAttribute("data-room-id");
    evt.detail.socketWrapper.send(JSON.stringify({ type: "resume", roomId: roomId, afterSeq: lastSeq(roomId) }));
  });

  document.addEventListener("htmx:wsClose", function () {
    var room = roomElement();
    if (room) room.setAttribute("data-live", "closed");
    setState("Reconnecting…");
  });

  // Each send gets its own clientMsgId, so a retry of the same send is stored once.
  document.addEventListener("htmx:wsConfigSend", function (evt) {
    if (evt.detail.parameters && evt.detail.parameters.type === "send") {
      evt.detail.parameters.clientMsgId = newId();
    }
  });

  document.addEventListener("htmx:wsAfterSend", function (evt) {
    lastTypingSent = 0;
    var form = document.getElementById("composer");
    if (form && form.contains(evt.detail.elt || form)) {
      form.querySelector("textarea").value = "";
    }
  });

  document.addEventListener("htmx:wsAfterMessage", scrollToEnd);
  document.addEventListener("DOMContentLoaded", function () {
    scrollToEnd();
    var body = document.querySelector("#composer textarea");
    if (body) {
      // Tell the room someone is typing, at most once every 3 seconds.
      body.addEventListener("input", function () {
        var room = roomElement();
        var now = Date.now();
        if (!socket || !room || body.value.trim() === "" || now - lastTypingSent < TYPING_EVERY_MS) return;
        lastTypingSent = now;
        socket.send(JSON.stringify({ type: "typing", roomId: room.getAttribute("data-room-id") }));
      });
      // Enter sends, Shift+Enter starts a new line.
      body.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && !e.shiftKey) {
          e.preventDefault();
          body.form.requestSubmit();
        }
      });
    }
  });
})();
