// What the page's modules share while it is open: the live socket and what was last told to it.
export const live = {
  socket: null, // htmx's socket wrapper (send, reconnect)
  rawSocket: null, // the browser's WebSocket behind it (to close it on pagehide)
  leaving: false, // the page is going away: a close now is not a connection problem
  lastActivity: Date.now(),
  reported: null, // the presence state last sent
  lastTypingSent: 0,
  slowCountdown: null, // the composer's slow-mode countdown, while it runs
  renewTimer: null
};
