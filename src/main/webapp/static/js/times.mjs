// Times in the reader's own time zone ("14:05", or "3 Nov 14:05" before today; the full date on
// hover), a separator before each day's first message ("Today", "Yesterday", a date), and recent
// times in thread summaries read relative ("5 min ago"), refreshed every 30 s.

var timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
var dayAndTime = new Intl.DateTimeFormat(undefined, {
  day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
});
var fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
var dayName = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });

export function dayKey(d) { return d.getFullYear() + "-" + d.getMonth() + "-" + d.getDate(); }

/** "Today", "Yesterday" or the date, for the day of `d` seen on `today`. */
export function dayLabel(d, today) {
  var now = today || new Date();
  var yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayKey(d) === dayKey(now)) return "Today";
  if (dayKey(d) === dayKey(yesterday)) return "Yesterday";
  return dayName.format(d);
}

/** A time `minutes` ago as read in a thread summary; older than a day, its own label. */
export function relativeLabel(minutes, label) {
  return minutes < 1 ? "just now" : minutes < 60 ? minutes + " min ago"
    : minutes < 24 * 60 ? Math.floor(minutes / 60) + " h ago" : label;
}

export function relativeTimes() {
  var now = Date.now();
  document.querySelectorAll("time[data-relative][datetime]").forEach(function (t) {
    if (!t.hasAttribute("data-label")) t.setAttribute("data-label", t.textContent);
    var minutes = Math.floor((now - Date.parse(t.getAttribute("datetime"))) / 60000);
    t.textContent = relativeLabel(minutes, t.getAttribute("data-label"));
  });
}

export function localTimes() {
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

export function install() {
  setInterval(relativeTimes, 30000);
  document.addEventListener("htmx:afterSettle", relativeTimes);
  document.addEventListener("htmx:wsAfterMessage", relativeTimes);
  document.addEventListener("DOMContentLoaded", relativeTimes);
  document.addEventListener("htmx:wsAfterMessage", localTimes);
  document.addEventListener("htmx:afterSettle", function (evt) {
    // Older pages and panels bring messages; a message's own menu or form does not.
    var elt = evt.detail && evt.detail.elt;
    if (elt && elt.closest && elt.closest("article.message")) return;
    localTimes();
  });
  document.addEventListener("DOMContentLoaded", localTimes);
}
