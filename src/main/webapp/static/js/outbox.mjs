// The outbox shows what was sent but not yet acknowledged, including sends queued while the
// socket is down; an acknowledgement (or refusal) removes the entry. Across a sign-in or a
// reload the unacknowledged sends wait in sessionStorage and go again with their clientMsgId.

export const OUTBOX_KEY = "parley.outbox";

export function outboxEntries() {
  return Array.prototype.slice.call(document.querySelectorAll("#outbox > li[data-client-msg-id]"));
}

export function addToOutbox(parameters, queued) {
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

export function saveOutbox() {
  try {
    var frames = outboxEntries().map(function (li) { return li.parleyFrame; });
    if (frames.length) window.sessionStorage.setItem(OUTBOX_KEY, JSON.stringify(frames));
  } catch (e) { /* storage unavailable: nothing to keep */ }
}

/** The sends kept in storage (a JSON list of frames) that may go again: sends with an id. */
export function restorableSends(stored) {
  var frames;
  try { frames = JSON.parse(stored || "[]"); } catch (e) { return []; }
  if (!Array.isArray(frames)) return [];
  var sends = [];
  frames.forEach(function (frame) {
    var p;
    try { p = JSON.parse(frame); } catch (e) { return; }
    if (p && p.type === "send" && p.clientMsgId) sends.push(p);
  });
  return sends;
}

// Sends left over from before a sign-in or reload wait here until the socket is open.
export function restoreOutbox() {
  if (!document.getElementById("outbox")) return; // kept for the next room page
  var stored;
  try {
    stored = window.sessionStorage.getItem(OUTBOX_KEY);
    window.sessionStorage.removeItem(OUTBOX_KEY);
  } catch (e) { return; }
  restorableSends(stored).forEach(function (p) {
    addToOutbox(p, true);
    var li = outboxEntries().pop();
    if (li) li.setAttribute("data-state", "sent"); // re-sent with its clientMsgId on open
  });
}

export function settleOutbox() {
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

export function install() {
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
}
