// Menus and keys: the search dropdown, message actions (edit, delete, react, pin, reply) posted in
// the background, your own reactions and mentions marked, the emoji picker's filter, the side
// panel, the narrow-screen room menu, and the keyboard shortcuts.
import { newId } from "./page.mjs";

/** Whether a reaction button's people ("id id id") include `me`. */
export function reactedBy(by, me) {
  return (" " + by + " ").indexOf(" " + me + " ") >= 0;
}

/** The room to go to with Alt+↑/↓: an index into the sidebar's links, or -1 to stay. */
export function nextRoom(here, count, up) {
  if (!count) return -1;
  var next = here < 0 ? 0 : here + (up ? -1 : 1);
  return next >= 0 && next < count ? next : -1;
}

export function markMyReactions(root) {
  var me = document.body.getAttribute("data-user-id");
  if (!me) return;
  var handle = "@" + (document.body.getAttribute("data-username") || "").toLowerCase();
  (root || document).querySelectorAll(".body .mention").forEach(function (m) {
    m.classList.toggle("me", m.textContent.toLowerCase() === handle);
  });
  (root || document).querySelectorAll("button.reaction[data-by]").forEach(function (b) {
    var mine = reactedBy(b.getAttribute("data-by"), me);
    b.classList.toggle("mine", mine);
    b.setAttribute("aria-pressed", mine ? "true" : "false");
  });
}

function setMenu(open) {
  var button = document.getElementById("menu-button");
  document.body.classList.toggle("menu-open", open);
  if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
}

export function install() {
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

  // Each action gets its own id, so a retried post changes the message once. The socket brings
  // the result to every page.
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
  document.addEventListener("htmx:afterSettle", function () { markMyReactions(); });
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

  // The menu (narrow screens) opens the sidebar over the page; Escape or a choice closes it.
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
      var here = links.findIndex(function (a) { return a.getAttribute("href") === window.location.pathname; });
      var next = nextRoom(here, links.length, evt.key === "ArrowUp");
      if (next >= 0) {
        evt.preventDefault();
        window.location.href = links[next].getAttribute("href");
      }
    }
  });

  // A choice that takes effect as soon as it is made (its Save button is for pages without scripts).
  document.addEventListener("change", function (evt) {
    if (evt.target.matches && evt.target.matches("select[data-autosubmit]")) evt.target.form.submit();
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".autosubmit-fallback").forEach(function (b) { b.hidden = true; });
  });
}
