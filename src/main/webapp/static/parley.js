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

  // When the page's last message was created: with its seq, it tells the server which message
  // the page has (after a restore from a backup the same seq may name another one).
  function lastAt(roomId) {
    var seq = lastSeq(roomId);
    var el = seq && document.getElementById("msg-" + roomId + "-" + seq);
    return el ? el.getAttribute("data-at") : null;
  }

  // The room's change rev this page shows: set by the page, raised by every change pushed.
  function lastRev(roomId) {
    var el = document.getElementById("room-rev");
    if (!el || el.getAttribute("data-room-id") !== roomId) return null;
    var rev = parseInt(el.getAttribute("data-rev"), 10);
    return isNaN(rev) ? null : rev;
  }

  // A page opened at a message (a search result) keeps it in view until the reader scrolls down.
  var heldAtMessage = false;

  function scrollToEnd() {
    var list = document.querySelector(".messages");
    if (list && !heldAtMessage) list.scrollTop = list.scrollHeight;
  }

  function showJumpTarget() {
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

  // The search box's dropdown closes with Escape and when focus leaves the search box.
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Escape") return;
    var suggest = document.getElementById("search-suggest");
    if (suggest && suggest.firstElementChild) suggest.innerHTML = "";
  });
  document.addEventListener("click", function (evt) {
    var suggest = document.getElementById("search-suggest");
    if (suggest && suggest.firstElementChild && !evt.target.closest(".search-box")) suggest.innerHTML = "";
  });

  var socket = null;
  var IDLE_MS = 5 * 60 * 1000;
  var lastActivity = Date.now();
  var reported = null;

  // Presence: away when the tab is hidden or idle for 5 minutes; a heartbeat every 10 s keeps
  // this tab counted (the server refreshes its entry every other beat and forgets tabs silent for 40 s).
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

  // Reconnecting: htmx's extension retries abnormal closes (1006, 1011-1013) after our delay;
  // a clean close from a stopping server (1001) is retried here the same way. Policy closes
  // (1008: not signed in; 4401: sign-in expired) send the page through sign-in instead.
  var attempts = 0;
  var SIGNED_OUT = [1008, 4401, 4403];
  var OUTBOX_KEY = "parley.outbox";
  var RETRIED_BY_EXTENSION = [1006, 1011, 1012, 1013];
  htmx.config.wsReconnectDelay = function (retry) {
    var delay = window.ParleyBackoff.reconnectDelay(retry);
    showBanner(retry + 1, delay);
    return delay;
  };

  function showBanner(attempt, delay) {
    var banner = document.getElementById("connection-banner");
    if (!banner) return;
    banner.hidden = false;
    banner.setAttribute("data-attempt", String(attempt));
    banner.setAttribute("data-delay-ms", String(delay));
    banner.textContent = "Reconnecting… (attempt " + attempt + ", next try in " +
      Math.max(1, Math.round(delay / 1000)) + " s). Messages you send now will go out when it is back.";
  }

  function hideBanner() {
    var banner = document.getElementById("connection-banner");
    if (banner) banner.hidden = true;
  }

  // On every (re)connect, tell the server the last message this page shows; it replays the rest
  // from the store, then streams live messages, each exactly once. Sends that went out but were
  // never acknowledged go again with the same clientMsgId: the server stores each once.
  document.addEventListener("htmx:wsOpen", function (evt) {
    var room = roomElement();
    attempts = 0;
    hideBanner();
    socket = evt.detail.socketWrapper;
    rawSocket = evt.detail.event && evt.detail.event.target;
    reported = null;
    reportPresence(true);
    document.body.setAttribute("data-live", "open");
    if (!room) return;
    room.setAttribute("data-live", "open");
    var roomId = room.getAttribute("data-room-id");
    socket.send(JSON.stringify({
      type: "resume", roomId: roomId, afterSeq: lastSeq(roomId), afterAt: lastAt(roomId),
      afterRev: lastRev(roomId)
    }));
    outboxEntries().forEach(function (li) {
      if (li.getAttribute("data-state") === "sent") socket.send(li.parleyFrame);
    });
  });

  // A page kept in the back/forward cache must not stay connected (it would count as reading the
  // room); it reconnects, and catches up, if the person comes back to it.
  var rawSocket = null;
  var leaving = false;
  window.addEventListener("pagehide", function () {
    leaving = true;
    saveOutbox();
    if (rawSocket) rawSocket.close(1000, "page hidden");
  });
  window.addEventListener("pageshow", function (evt) {
    if (evt.persisted && leaving && socket) {
      leaving = false;
      socket.reconnect();
    }
  });

  document.addEventListener("htmx:wsClose", function (evt) {
    if (leaving) return;
    var room = roomElement();
    if (room) room.setAttribute("data-live", "closed");
    var code = evt.detail.event ? evt.detail.event.code : 1006;
    if (code === 4401) {
      // The token that opened the socket expired (or its session signed out): a renewed
      // cookie reconnects at once; otherwise sign in again.
      var expired = evt.detail.socketWrapper;
      renewSession().then(function () { expired.reconnect(); }, function () { signInAgain(code); });
      return;
    }
    if (SIGNED_OUT.indexOf(code) >= 0) {
      signInAgain(code);
      return;
    }
    if (RETRIED_BY_EXTENSION.indexOf(code) < 0) {
      var wrapper = evt.detail.socketWrapper;
      var delay = window.ParleyBackoff.reconnectDelay(attempts);
      attempts += 1;
      showBanner(attempts, delay);
      setTimeout(function () { wrapper.reconnect(); }, delay);
    }
  });

  // Sign in again (silently, with single sign-on) and come back here; what was typed but not yet
  // acknowledged goes along and is sent, once, from the reloaded page.
  function signInAgain(code) {
    saveOutbox();
    leaving = true;
    window.location.assign("/sign-in?next=" + encodeURIComponent(window.location.pathname) +
      (code === 4403 ? "&revoked=1" : ""));
  }

  // Silent renewal: tokens live minutes; while the page is in use (visible, or touched in the last
  // half hour) it renews its own before it expires. The server says when to renew next. A page
  // left alone lets its token lapse, and its next use goes through sign-in.
  var IN_USE_MS = 30 * 60 * 1000;
  var renewTimer = null;
  function scheduleRenewal(ms) {
    clearTimeout(renewTimer);
    renewTimer = setTimeout(function () {
      if (document.hidden && Date.now() - lastActivity > IN_USE_MS) {
        scheduleRenewal(60000);
        return;
      }
      renewSession().catch(function () { scheduleRenewal(60000); });
    }, ms);
  }
  function renewSession() {
    return fetch("/session/renew", { method: "POST", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("renewal refused: " + response.status);
        return response.json();
      })
      .then(function (answer) { scheduleRenewal(answer.renewInSeconds * 1000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector('form[action="/sign-out"]')) scheduleRenewal(60000);
  });
  // Signing out closes this page's socket (4401) while the browser is on its way to the IdP's
  // logout: that close must not send the page through sign-in instead.
  document.addEventListener("submit", function (evt) {
    if (evt.target.getAttribute("action") === "/sign-out") {
      leaving = true;
      clearTimeout(renewTimer);
    }
  });

  // The outbox shows what was sent but not yet acknowledged, including sends queued while the
  // socket is down; an acknowledgement (or refusal) removes the entry.
  function outboxEntries() {
    return Array.prototype.slice.call(document.querySelectorAll("#outbox > li[data-client-msg-id]"));
  }

  function addToOutbox(parameters, queued) {
    var outbox = document.getElementById("outbox");
    if (!outbox) return;
    var li = document.createElement("li");
    li.setAttribute("data-client-msg-id", parameters.clientMsgId);
    li.setAttribute("data-state", queued ? "queued" : "sending");
    li.parleyFrame = JSON.stringify(parameters);
    var text = document.createElement("span");
    text.className = "body";
    text.textContent = parameters.body;
    var state = document.createElement("span");
    state.className = "outbox-state";
    state.textContent = queued ? "waiting for the connection" : "sending…";
    li.appendChild(text);
    li.appendChild(state);
    outbox.appendChild(li);
  }

  function saveOutbox() {
    try {
      var frames = outboxEntries().map(function (li) { return li.parleyFrame; });
      if (frames.length) window.sessionStorage.setItem(OUTBOX_KEY, JSON.stringify(frames));
    } catch (e) { /* storage unavailable: nothing to keep */ }
  }

  // Sends left over from before a sign-in or reload wait here until the socket is open.
  function restoreOutbox() {
    if (!document.getElementById("outbox")) return; // kept for the next room page
    var saved;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(OUTBOX_KEY) || "[]");
      window.sessionStorage.removeItem(OUTBOX_KEY);
    } catch (e) { return; }
    saved.forEach(function (frame) {
      var p;
      try { p = JSON.parse(frame); } catch (e) { return; }
      if (p && p.type === "send" && p.clientMsgId) {
        addToOutbox(p, true);
        var li = outboxEntries().pop();
        if (li) li.setAttribute("data-state", "sent"); // re-sent with its clientMsgId on open
      }
    });
  }

  function settleOutbox() {
    var status = document.getElementById("composer-status");
    var id = status && status.getAttribute("data-client-msg-id");
    if (!id) return;
    outboxEntries().forEach(function (li) {
      if (li.getAttribute("data-client-msg-id") !== id) return;
      var body = document.querySelector("#composer textarea");
      if (status.classList.contains("error") && body && body.value === "") {
        body.value = li.querySelector(".body").textContent; // refused: give the text back
      }
      li.remove();
    });
  }

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
      lastTypingSent = 0;
      var form = document.getElementById("composer");
      if (form) form.querySelector("textarea").value = "";
      startSlowCountdown();
    }
  });

  document.addEventListener("htmx:wsAfterSend", function (evt) {
    var sent;
    try { sent = JSON.parse(evt.detail.message); } catch (e) { return; }
    if (!sent || sent.type !== "send") return;
    outboxEntries().forEach(function (li) {
      if (li.getAttribute("data-client-msg-id") === sent.clientMsgId) {
        li.setAttribute("data-state", "sent");
        li.querySelector(".outbox-state").textContent = "sending…";
      }
    });
  });

  // The standing line above the composer: muted (until when), read-only, slow mode. The server
  // renders it and pushes it again when it changes; the composer follows it here.
  var standingTimer = null;
  function applyStanding() {
    var standing = document.querySelector(".standing[data-room-id]");
    if (!standing) return;
    var fields = document.querySelector("#composer .composer-fields");
    if (fields && !slowCountdown) fields.disabled = standing.getAttribute("data-can-post") !== "true";
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
  document.addEventListener("DOMContentLoaded", applyStanding);
  document.addEventListener("htmx:wsAfterMessage", applyStanding);
  document.addEventListener("htmx:afterSettle", applyStanding);

  // Slow mode: after a send, the button counts down the seconds until the next one may go.
  var slowCountdown = null;
  function startSlowCountdown() {
    var standing = document.querySelector(".standing[data-room-id]");
    var seconds = standing ? parseInt(standing.getAttribute("data-slow-mode") || "0", 10) : 0;
    var button = document.querySelector("#composer button[type=submit]");
    if (!seconds || !button) return;
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    var left = seconds;
    if (slowCountdown) clearInterval(slowCountdown);
    button.disabled = true;
    button.textContent = "Wait " + left + " s";
    slowCountdown = setInterval(function () {
      left -= 1;
      if (left > 0) {
        button.textContent = "Wait " + left + " s";
        return;
      }
      clearInterval(slowCountdown);
      slowCountdown = null;
      button.disabled = false;
      button.textContent = label;
      applyStanding();
    }, 1000);
  }

  // A message with files is posted as a multipart form in the background (same URL as without
  // scripts); files come from the button, a drop on the composer or a paste.
  function uploadWithFiles(form) {
    var data = new FormData(form);
    data.set("clientMsgId", newId());
    var status = document.getElementById("composer-status");
    status.className = "status";
    status.textContent = "Uploading…";
    fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin", headers: { "HX-Request": "true" }
    }).then(function (response) {
      if (response.ok) {
        form.reset();
        showChosenFiles(form);
        status.textContent = "";
        return;
      }
      return response.text().then(function (text) {
        status.className = "status error";
        status.setAttribute("role", "alert");
        status.textContent = response.status === 413
          ? "Those files are too large to send." : (text || "The files could not be sent.");
      });
    }, function () {
      status.className = "status error";
      status.textContent = "The files could not be sent: no connection.";
    });
  }

  function showChosenFiles(form) {
    var input = form.querySelector("input[type=file]");
    var list = form.querySelector(".chosen-files");
    if (!input || !list) return;
    list.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
  }

  function addFiles(form, fileList) {
    var input = form.querySelector("input[type=file]");
    if (!input || !fileList || !fileList.length) return false;
    var all = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
    Array.prototype.forEach.call(fileList, function (f) { all.items.add(f); });
    input.files = all.files;
    showChosenFiles(form);
    return true;
  }

  document.addEventListener("change", function (evt) {
    if (evt.target.matches && evt.target.matches("#composer input[type=file]")) showChosenFiles(evt.target.form);
  });
  document.addEventListener("dragover", function (evt) {
    if (evt.target.closest && evt.target.closest("#composer")) evt.preventDefault();
  });
  document.addEventListener("drop", function (evt) {
    var form = evt.target.closest && evt.target.closest("#composer");
    if (form && addFiles(form, evt.dataTransfer && evt.dataTransfer.files)) evt.preventDefault();
  });
  document.addEventListener("paste", function (evt) {
    var form = evt.target.closest && evt.target.closest("#composer");
    if (form && evt.clipboardData && evt.clipboardData.files.length && addFiles(form, evt.clipboardData.files)) {
      evt.preventDefault();
    }
  });

  // Message actions (edit, delete, react, pin, reply) post in the background; each gets its own
  // id, so a retried post changes the message once. The socket brings the result to every page.
  document.addEventListener("htmx:configRequest", function (evt) {
    var form = evt.detail.elt && evt.detail.elt.closest && evt.detail.elt.closest("form[data-change]");
    if (!form) return;
    evt.detail.parameters.clientChangeId = newId();
    if (form.hasAttribute("data-reply")) evt.detail.parameters.clientMsgId = newId();
  });
  document.addEventListener("htmx:afterRequest", function (evt) {
    var form = evt.detail.elt && evt.detail.elt.closest && evt.detail.elt.closest("form");
    if (!form || !evt.detail.successful) return;
    if (form.hasAttribute("data-reply")) form.reset();
    var slot = form.closest(".menu-slot");
    if (slot) slot.innerHTML = ""; // a reaction, pin or delete from the menu: it closes
  });
  // A refused action says why where the composer's status line is.
  document.addEventListener("htmx:responseError", function (evt) {
    var status = document.getElementById("composer-status");
    if (!status) return;
    status.className = "status error";
    status.setAttribute("role", "alert");
    status.textContent = evt.detail.xhr.responseText || "That did not work; try again.";
  });

  // Your reactions and mentions of you are marked as yours (a message is rendered once for
  // everyone).
  function markMyReactions(root) {
    var me = document.body.getAttribute("data-user-id");
    if (!me) return;
    var handle = "@" + (document.body.getAttribute("data-username") || "").toLowerCase();
    (root || document).querySelectorAll(".body .mention").forEach(function (m) {
      m.classList.toggle("me", m.textContent.toLowerCase() === handle);
    });
    (root || document).querySelectorAll("button.reaction[data-by]").forEach(function (b) {
      var mine = (" " + b.getAttribute("data-by") + " ").indexOf(" " + me + " ") >= 0;
      b.classList.toggle("mine", mine);
      b.setAttribute("aria-pressed", mine ? "true" : "false");
    });
  }
  document.addEventListener("htmx:afterSettle", function () { markMyReactions(); });

  // "last 5 min ago": recent times in thread summaries read relative, refreshed every 30 s.
  function relativeTimes() {
    var now = Date.now();
    document.querySelectorAll("time[data-relative][datetime]").forEach(function (t) {
      if (!t.hasAttribute("data-label")) t.setAttribute("data-label", t.textContent);
      var minutes = Math.floor((now - Date.parse(t.getAttribute("datetime"))) / 60000);
      t.textContent = minutes < 1 ? "just now" : minutes < 60 ? minutes + " min ago"
        : minutes < 24 * 60 ? Math.floor(minutes / 60) + " h ago" : t.getAttribute("data-label");
    });
  }
  setInterval(relativeTimes, 30000);
  document.addEventListener("htmx:afterSettle", relativeTimes);
  document.addEventListener("htmx:wsAfterMessage", relativeTimes);
  document.addEventListener("DOMContentLoaded", relativeTimes);
  document.addEventListener("htmx:wsAfterMessage", function () { markMyReactions(); });

  // The emoji picker filters as you type.
  document.addEventListener("input", function (evt) {
    if (!evt.target.classList || !evt.target.classList.contains("picker-search")) return;
    var q = evt.target.value.trim().toLowerCase();
    evt.target.form.querySelectorAll(".picker-group button").forEach(function (b) {
      b.hidden = q !== "" && (b.getAttribute("title") || "").toLowerCase().indexOf(q) < 0;
    });
  });

  // Keyboard: Escape closes the side panel or cancels an edit; Enter saves an edit.
  document.addEventListener("keydown", function (evt) {
    var edit = evt.target.closest && evt.target.closest("form.edit-form");
    if (edit && evt.key === "Enter" && !evt.shiftKey) {
      evt.preventDefault();
      edit.requestSubmit();
      return;
    }
    if (evt.key !== "Escape") return;
    if (edit) {
      var cancel = edit.querySelector("a.cancel");
      if (cancel) cancel.click();
      return;
    }
    var panel = document.getElementById("thread-panel");
    if (panel && panel.firstElementChild) panel.innerHTML = "";
  });
  document.addEventListener("click", function (evt) {
    var close = evt.target.closest && evt.target.closest("#thread-panel a.close-panel");
    if (!close) return;
    evt.preventDefault();
    document.getElementById("thread-panel").innerHTML = "";
  });

  // Times in the reader's own time zone ("14:05", or "3 Nov 14:05" before today; the full date on
  // hover), and a separator before each day's first message: "Today", "Yesterday", a date.
  var timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
  var dayAndTime = new Intl.DateTimeFormat(undefined, {
    day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
  });
  var fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
  var dayName = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });

  function dayKey(d) { return d.getFullYear() + "-" + d.getMonth() + "-" + d.getDate(); }

  function dayLabel(d) {
    var today = new Date();
    var yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    if (dayKey(d) === dayKey(today)) return "Today";
    if (dayKey(d) === dayKey(yesterday)) return "Yesterday";
    return dayName.format(d);
  }

  function localTimes() {
    var todayKey = dayKey(new Date());
    document.querySelectorAll(".message time[datetime]:not([data-local])").forEach(function (t) {
      var d = new Date(t.getAttribute("datetime"));
      if (isNaN(d)) return;
      t.textContent = dayKey(d) === todayKey ? timeOnly.format(d) : dayAndTime.format(d);
      t.title = fullDate.format(d);
      t.setAttribute("data-local", "");
    });
    document.querySelectorAll(".messages").forEach(function (list) {
      list.querySelectorAll(".day-separator").forEach(function (s) { s.remove(); });
      var last = null;
      list.querySelectorAll(":scope > article.message").forEach(function (m) {
        var t = m.querySelector("time[datetime]");
        var d = t && new Date(t.getAttribute("datetime"));
        if (!d || isNaN(d)) return;
        var key = dayKey(d);
        if (key !== last) {
          var sep = document.createElement("div");
          sep.className = "day-separator";
          sep.setAttribute("role", "separator");
          sep.textContent = dayLabel(d);
          list.insertBefore(sep, m);
          last = key;
        }
      });
    });
  }
  document.addEventListener("htmx:wsAfterMessage", localTimes);
  document.addEventListener("htmx:afterSettle", function (evt) {
    // Older pages and panels bring messages; a message's own menu or form does not.
    var elt = evt.detail && evt.detail.elt;
    if (elt && elt.closest && elt.closest("article.message")) return;
    localTimes();
  });
  document.addEventListener("DOMContentLoaded", localTimes);

  // The menu (narrow screens) opens the sidebar over the page; Escape or a choice closes it.
  function setMenu(open) {
    var button = document.getElementById("menu-button");
    document.body.classList.toggle("menu-open", open);
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.addEventListener("click", function (evt) {
    if (evt.target.closest && evt.target.closest("#menu-button")) {
      setMenu(!document.body.classList.contains("menu-open"));
    } else if (evt.target.closest && evt.target.closest("#sidebar-nav a")) {
      setMenu(false);
    }
  });

  // Keyboard: "/" searches, Alt+↑/↓ switches to the previous/next room, Escape closes what is open.
  document.addEventListener("keydown", function (evt) {
    var typing = evt.target.closest && evt.target.closest("input, textarea, select, [contenteditable]");
    if (evt.key === "Escape") {
      setMenu(false);
      var panel = document.getElementById("thread-panel");
      if (panel && panel.firstElementChild && !typing) panel.innerHTML = "";
      return;
    }
    if (evt.key === "/" && !typing) {
      var search = document.getElementById("search-q");
      if (search) { evt.preventDefault(); search.focus(); }
      return;
    }
    if (evt.altKey && (evt.key === "ArrowUp" || evt.key === "ArrowDown")) {
      var links = Array.prototype.slice.call(document.querySelectorAll("#sidebar .room-list a[href^='/rooms/']"));
      if (!links.length) return;
      var here = links.findIndex(function (a) { return a.getAttribute("href") === window.location.pathname; });
      var next = here < 0 ? 0 : here + (evt.key === "ArrowUp" ? -1 : 1);
      if (next >= 0 && next < links.length) {
        evt.preventDefault();
        window.location.href = links[next].getAttribute("href");
      }
    }
  });

  // The title counts unread messages; while the tab is hidden, a mention or a direct message
  // raises a desktop notification (only after the person turned them on with the button: the
  // browser's permission is never asked for on load).
  var baseTitle = document.title;
  var knownBadges = null;

  function badgeCounts() {
    var counts = {};
    var lists = document.querySelectorAll("#sidebar .room-list");
    document.querySelectorAll("#sidebar .badges").forEach(function (b) {
      var plain = b.querySelector(".badge:not(.mentions)");
      var at = b.querySelector(".badge.mentions");
      var link = b.parentElement.querySelector("a[href^='/rooms/']");
      var item = b.closest("li");
      counts[b.id] = {
        notify: (item && item.getAttribute("data-notify")) || "default",
        unread: parseInt(plain ? plain.textContent : "", 10) || 0,
        mentions: parseInt(at ? at.textContent.replace("@", "") : "", 10) || 0,
        direct: lists.length > 1 && lists[1].contains(b),
        title: link ? link.textContent.trim().replace(/^#\s*/, "") : "Parley", // the name, without its #
        href: link ? link.getAttribute("href") : "/rooms"
      };
    });
    return counts;
  }

  function followBadges() {
    var counts = badgeCounts();
    var total = 0;
    Object.keys(counts).forEach(function (id) {
      var now = counts[id];
      var before = knownBadges && knownBadges[id];
      if (now.notify === "nothing") return; // muted: no count in the title, no notification
      total += now.unread;
      if (!before || !document.hidden) return;
      var mentioned = now.mentions > before.mentions;
      var more = now.unread > before.unread;
      var wanted = now.notify === "all" ? more
        : now.notify === "mentions" ? mentioned
        : mentioned || (now.direct && more);
      if (wanted && window.Notification && Notification.permission === "granted") {
        var n = new Notification(mentioned ? "You were mentioned" : now.direct ? "New direct message" : "New message", {
          body: now.direct ? now.title : "#" + now.title, tag: id
        });
        n.onclick = function () { window.focus(); window.location.href = now.href; };
      }
    });
    knownBadges = counts;
    var roomName = document.querySelector("main.room h1 [id^='room-name-']");
    if (roomName) baseTitle = roomName.textContent + " · Parley"; // renamed while open
    document.title = (total > 0 ? "(" + total + ") " : "") + baseTitle;
  }

  // A choice that takes effect as soon as it is made (its Save button is for pages without scripts).
  document.addEventListener("change", function (evt) {
    if (evt.target.matches && evt.target.matches("select[data-autosubmit]")) evt.target.form.submit();
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".autosubmit-fallback").forEach(function (b) { b.hidden = true; });
  });

  document.addEventListener("htmx:wsAfterMessage", followBadges);
  document.addEventListener("DOMContentLoaded", function () {
    followBadges();
    var button = document.getElementById("notify-button");
    if (!button || !window.Notification || Notification.permission !== "default") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      Notification.requestPermission().then(function () { button.hidden = true; });
    });
  });

  document.addEventListener("htmx:wsAfterMessage", settleOutbox);
  // The server found the room's history older than this page (a restore): start again from it.
  document.addEventListener("htmx:wsAfterMessage", function () {
    if (document.querySelector("#notices [data-reload-page]") && !leaving) {
      leaving = true;
      saveOutbox();
      setTimeout(function () { location.reload(); }, 1500);
    }
  });
  document.addEventListener("htmx:wsAfterMessage", scrollToEnd);
  document.addEventListener("DOMContentLoaded", function () {
    markMyReactions();
    restoreOutbox();
    scrollToEnd();
    showJumpTarget();
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
      // Enter sends, Shift+Enter starts a new line; the up arrow in an empty composer edits your
      // last message.
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
  });
})();
