// The title counts unread messages; while the tab is hidden, a mention or a direct message
// raises a desktop notification (only after the person turned them on with the button: the
// browser's permission is never asked for on load).

/**
 * Whether a room's new counts call for a notification, by the person's choice for the room:
 * "all" every new message, "mentions" only mentions, "nothing" never, else (default) mentions and
 * direct messages.
 */
export function wantsNotification(now, before) {
  if (now.notify === "nothing" || !before) return false;
  var mentioned = now.mentions > before.mentions;
  var more = now.unread > before.unread;
  return now.notify === "all" ? more
    : now.notify === "mentions" ? mentioned
    : mentioned || (now.direct && more);
}

/** The page's title with the unread count in front. */
export function titleWith(total, base) {
  return (total > 0 ? "(" + total + ") " : "") + base;
}

var baseTitle = null;
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
  if (baseTitle === null) baseTitle = document.title;
  var counts = badgeCounts();
  var total = 0;
  Object.keys(counts).forEach(function (id) {
    var now = counts[id];
    var before = knownBadges && knownBadges[id];
    if (now.notify === "nothing") return; // muted: no count in the title, no notification
    total += now.unread;
    if (!document.hidden || !wantsNotification(now, before)) return;
    var mentioned = now.mentions > before.mentions;
    if (window.Notification && Notification.permission === "granted") {
      var n = new Notification(mentioned ? "You were mentioned" : now.direct ? "New direct message" : "New message", {
        body: now.direct ? now.title : "#" + now.title, tag: id
      });
      n.onclick = function () { window.focus(); window.location.href = now.href; };
    }
  });
  knownBadges = counts;
  var roomName = document.querySelector("main.room h1 [id^='room-name-']");
  if (roomName) baseTitle = roomName.textContent + " · Parley"; // renamed while open
  document.title = titleWith(total, baseTitle);
}

export function install() {
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
}
