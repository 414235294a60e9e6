// Times a person picks are theirs: forms say which time zone the browser is in (the server reads
// "tomorrow at 9:00" and typed times in it), a scheduled message's time shows in local time, and
// text that was scheduled leaves the composer.

export function install() {
  var zone = timeZone();
  function fill(root) {
    if (!zone || !root.querySelectorAll) return;
    root.querySelectorAll("input[data-time-zone]").forEach(function (input) { input.value = zone; });
    root.querySelectorAll("input[type=datetime-local][data-at]").forEach(function (input) {
      if (input.dataset.localised) return;
      var at = new Date(input.dataset.at);
      if (isNaN(at.getTime())) return;
      input.value = localValue(at);
      input.dataset.localised = "true";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { fill(document); });
  document.addEventListener("htmx:afterSettle", function (evt) { fill(evt.target || document); });
  document.addEventListener("parley-scheduled", function () {
    var body = document.getElementById("body");
    if (body) body.value = "";
    var later = document.querySelector("details.send-later");
    if (later) later.open = false;
  });
}

function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    return "";
  }
}

/** A date as a datetime-local input's value, in the browser's time zone: 2026-12-24T09:30. */
export function localValue(d) {
  function two(n) { return (n < 10 ? "0" : "") + n; }
  return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) +
    "T" + two(d.getHours()) + ":" + two(d.getMinutes());
}
