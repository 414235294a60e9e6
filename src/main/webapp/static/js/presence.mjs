// Presence: away when the tab is hidden or idle for 5 minutes; a heartbeat every 10 s keeps
// this tab counted (the server refreshes its entry every other beat and forgets tabs silent for 40 s).
import { live } from "./state.mjs";

export const IDLE_MS = 5 * 60 * 1000;

/** "away" or "online" for a tab that is hidden or not, idle for `idleMs`. */
export function presenceState(hidden, idleMs) {
  return hidden || idleMs > IDLE_MS ? "away" : "online";
}

export function reportPresence(always) {
  if (!live.socket) return;
  var state = presenceState(document.hidden, Date.now() - live.lastActivity);
  if (always || state !== live.reported) {
    live.reported = state;
    live.socket.send(JSON.stringify({ type: "presence", state: state }));
  }
}

export function install() {
  ["keydown", "mousemove", "click", "scroll", "touchstart"].forEach(function (name) {
    document.addEventListener(name, function () {
      live.lastActivity = Date.now();
      if (live.reported === "away") reportPresence(false);
    }, { passive: true });
  });
  document.addEventListener("visibilitychange", function () { reportPresence(false); });
  setInterval(function () { reportPresence(true); }, 10000);
}
