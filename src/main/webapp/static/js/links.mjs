// Links: a message's "Copy link" puts its permanent link on the clipboard (without scripts, or without a
// clipboard, the link simply opens the room at the message).

export function install() {
  // A followed thread got a reply: the Threads page reloads its list.
  document.addEventListener("htmx:wsAfterMessage", function (evt) {
    var text = evt.detail && evt.detail.message;
    if (typeof text === "string" && text.indexOf('id="threads-link"') >= 0 && document.getElementById("thread-rows")) {
      htmx.trigger(document.body, "parleyThreads");
    }
  });
  document.addEventListener("click", function (evt) {
    var link = evt.target.closest && evt.target.closest("a[data-copy-link]");
    if (!link || !navigator.clipboard) return;
    evt.preventDefault();
    var url = permalink(location.origin, link.getAttribute("href"));
    navigator.clipboard.writeText(url).then(function () {
      say("Link copied: " + url, "notice");
      var slot = link.closest(".menu-slot");
      if (slot) slot.innerHTML = "";
    }, function () {
      location.href = url;
    });
  });
}

/** The absolute form of a message's path on this server. */
export function permalink(origin, path) {
  return origin.replace(/\/+$/, "") + "/" + String(path || "").replace(/^\/+/, "");
}

function say(text, kind) {
  var status = document.getElementById("composer-status");
  if (!status) return;
  status.className = "status " + kind;
  status.setAttribute("role", "status");
  status.textContent = text;
}
