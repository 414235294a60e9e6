// The socket's life: on every (re)connect the page tells the server the last message it shows
// (it replays the rest, then streams live, each exactly once) and sends again what was never
// acknowledged; on a close it retries with backoff, renews an expired sign-in, or signs in again.
import { live } from "./state.mjs";
import { roomElement, lastSeq, lastAt, lastRev } from "./page.mjs";
import { outboxEntries, saveOutbox } from "./outbox.mjs";
import { reportPresence } from "./presence.mjs";

// htmx's extension retries abnormal closes (1006, 1011-1013) after our delay; a clean close from
// a stopping server (1001) is retried here the same way. Policy closes (1008: not signed in;
// 4401: sign-in expired; 4403: access withdrawn) send the page through sign-in instead.
export const SIGNED_OUT = [1008, 4401, 4403];
export const RETRIED_BY_EXTENSION = [1006, 1011, 1012, 1013];

/** What to do about a close: "renew" the sign-in, "sign-in" again, "extension" retries, or "retry" here. */
export function onClose(code) {
  if (code === 4401) return "renew";
  if (SIGNED_OUT.indexOf(code) >= 0) return "sign-in";
  if (RETRIED_BY_EXTENSION.indexOf(code) >= 0) return "extension";
  return "retry";
}

/** The banner's text for a reconnect attempt. */
export function bannerText(attempt, delay) {
  return "Reconnecting… (attempt " + attempt + ", next try in " +
    Math.max(1, Math.round(delay / 1000)) + " s). Messages you send now will go out when it is back.";
}

var attempts = 0;

function showBanner(attempt, delay) {
  var banner = document.getElementById("connection-banner");
  if (!banner) return;
  banner.hidden = false;
  banner.setAttribute("data-attempt", String(attempt));
  banner.setAttribute("data-delay-ms", String(delay));
  banner.textContent = bannerText(attempt, delay);
}

function hideBanner() {
  var banner = document.getElementById("connection-banner");
  if (banner) banner.hidden = true;
}

// Sign in again (silently, with single sign-on) and come back here; what was typed but not yet
// acknowledged goes along and is sent, once, from the reloaded page.
export function signInAgain(code) {
  saveOutbox();
  live.leaving = true;
  window.location.assign("/sign-in?next=" + encodeURIComponent(window.location.pathname) +
    (code === 4403 ? "&revoked=1" : ""));
}

// Silent renewal: tokens live minutes; while the page is in use (visible, or touched in the last
// half hour) it renews its own before it expires. The server says when to renew next. A page
// left alone lets its token lapse, and its next use goes through sign-in.
var IN_USE_MS = 30 * 60 * 1000;

function scheduleRenewal(ms) {
  clearTimeout(live.renewTimer);
  live.renewTimer = setTimeout(function () {
    if (document.hidden && Date.now() - live.lastActivity > IN_USE_MS) {
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

export function install() {
  htmx.config.wsReconnectDelay = function (retry) {
    var delay = window.ParleyBackoff.reconnectDelay(retry);
    showBanner(retry + 1, delay);
    return delay;
  };

  document.addEventListener("htmx:wsOpen", function (evt) {
    var room = roomElement();
    attempts = 0;
    hideBanner();
    live.socket = evt.detail.socketWrapper;
    live.rawSocket = evt.detail.event && evt.detail.event.target;
    live.reported = null;
    reportPresence(true);
    document.body.setAttribute("data-live", "open");
    if (!room) return;
    room.setAttribute("data-live", "open");
    var roomId = room.getAttribute("data-room-id");
    live.socket.send(JSON.stringify({
      type: "resume", roomId: roomId, afterSeq: lastSeq(roomId), afterAt: lastAt(roomId),
      afterRev: lastRev(roomId)
    }));
    outboxEntries().forEach(function (li) {
      if (li.getAttribute("data-state") === "sent") live.socket.send(li.parleyFrame);
    });
  });

  // A page kept in the back/forward cache must not stay connected (it would count as reading the
  // room); it reconnects, and catches up, if the person comes back to it.
  window.addEventListener("pagehide", function () {
    live.leaving = true;
    saveOutbox();
    if (live.rawSocket) live.rawSocket.close(1000, "page hidden");
  });
  window.addEventListener("pageshow", function (evt) {
    if (evt.persisted && live.leaving && live.socket) {
      live.leaving = false;
      live.socket.reconnect();
    }
  });

  document.addEventListener("htmx:wsClose", function (evt) {
    if (live.leaving) return;
    var room = roomElement();
    if (room) room.setAttribute("data-live", "closed");
    var code = evt.detail.event ? evt.detail.event.code : 1006;
    var action = onClose(code);
    if (action === "renew") {
      // The token that opened the socket expired (or its session signed out): a renewed
      // cookie reconnects at once; otherwise sign in again.
      var expired = evt.detail.socketWrapper;
      renewSession().then(function () { expired.reconnect(); }, function () { signInAgain(code); });
    } else if (action === "sign-in") {
      signInAgain(code);
    } else if (action === "retry") {
      var wrapper = evt.detail.socketWrapper;
      var delay = window.ParleyBackoff.reconnectDelay(attempts);
      attempts += 1;
      showBanner(attempts, delay);
      setTimeout(function () { wrapper.reconnect(); }, delay);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector('form[action="/sign-out"]')) scheduleRenewal(60000);
  });
  // Signing out closes this page's socket (4401) while the browser is on its way to the IdP's
  // logout: that close must not send the page through sign-in instead.
  document.addEventListener("submit", function (evt) {
    if (evt.target.getAttribute("action") === "/sign-out") {
      live.leaving = true;
      clearTimeout(live.renewTimer);
    }
  });

  // The server found the room's history older than this page (a restore): start again from it.
  document.addEventListener("htmx:wsAfterMessage", function () {
    if (document.querySelector("#notices [data-reload-page]") && !live.leaving) {
      live.leaving = true;
      saveOutbox();
      setTimeout(function () { location.reload(); }, 1500);
    }
  });
}
