// Parley's page behaviour on top of htmx and its WebSocket extension, one module per job. No
// inline scripts: the Content-Security-Policy forbids them. This module only installs the others
// (in this order: the order their listeners run in for the same event).
import { scrollToEnd, showJumpTarget } from "./page.mjs";
import * as presence from "./presence.mjs";
import * as connection from "./connection.mjs";
import * as outbox from "./outbox.mjs";
import * as composer from "./composer.mjs";
import * as uploads from "./uploads.mjs";
import * as menus from "./menus.mjs";
import * as times from "./times.mjs";
import * as badges from "./badges.mjs";
import * as later from "./later.mjs";
import * as push from "./push.mjs";
import * as links from "./links.mjs";
import * as drafts from "./drafts.mjs";
import * as emojiHints from "./emoji-hints.mjs";

presence.install();
connection.install();
outbox.install();
composer.install();
uploads.install();
menus.install();
times.install();
badges.install();
later.install();
push.install();
links.install();
drafts.install();
emojiHints.install();

document.addEventListener("htmx:wsAfterMessage", outbox.settleOutbox);
document.addEventListener("htmx:wsAfterMessage", scrollToEnd);
document.addEventListener("DOMContentLoaded", function () {
  menus.markMyReactions();
  outbox.restoreOutbox();
  scrollToEnd();
  showJumpTarget();
});
