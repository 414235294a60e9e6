// How long a page waits before its next reconnect attempt: exponential backoff with jitter, so
// that after a server restart thousands of tabs do not all reconnect in the same instant. Half of
// each delay is fixed (a floor that grows), half random ("equal jitter").
(function (root) {
  "use strict";
  var BASE_MS = 500;
  var CAP_MS = 30000;

  /** Delay before attempt number `attempt` (0 = the first retry); `random` in [0, 1). */
  function reconnectDelay(attempt, random) {
    var ceiling = Math.min(CAP_MS, BASE_MS * Math.pow(2, Math.min(Math.max(attempt, 0), 16)));
    var r = random === undefined ? Math.random() : random;
    return Math.round(ceiling / 2 + (r * ceiling) / 2);
  }

  var api = { reconnectDelay: reconnectDelay, BASE_MS: BASE_MS, CAP_MS: CAP_MS };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.ParleyBackoff = api;
  }
})(this);
