// The page modules' decisions, run with `node --test` in Maven's test phase (the DOM-bound parts
// are exercised by the browser tests in e2e).
import test from "node:test";
import assert from "node:assert";
import { highest, newId } from "../../main/webapp/static/js/page.mjs";
import { presenceState, IDLE_MS } from "../../main/webapp/static/js/presence.mjs";
import { restorableSends } from "../../main/webapp/static/js/outbox.mjs";
import { onClose, bannerText } from "../../main/webapp/static/js/connection.mjs";
import { typingDue, waitLabel, TYPING_EVERY_MS, commandPrefix, mentionPrefix } from "../../main/webapp/static/js/composer.mjs";
import { uploadRefusal } from "../../main/webapp/static/js/uploads.mjs";
import { reactedBy, nextRoom } from "../../main/webapp/static/js/menus.mjs";
import { relativeLabel, dayLabel, dayKey } from "../../main/webapp/static/js/times.mjs";
import { wantsNotification, titleWith } from "../../main/webapp/static/js/badges.mjs";
import { localValue } from "../../main/webapp/static/js/later.mjs";
import { keyBytes } from "../../main/webapp/static/js/push.mjs";
import { permalink } from "../../main/webapp/static/js/links.mjs";
import { draftParams } from "../../main/webapp/static/js/drafts.mjs";
import { emojiPrefix, withEmoji } from "../../main/webapp/static/js/emoji-hints.mjs";

test("page: the last seq is the highest number shown, 0 for none; ids differ", () => {
  assert.strictEqual(highest(["3", "12", "7"]), 12);
  assert.strictEqual(highest([]), 0);
  assert.strictEqual(highest(["x", null]), 0);
  assert.notStrictEqual(newId(), newId());
});

test("presence: away when hidden or idle past five minutes", () => {
  assert.strictEqual(presenceState(false, 1000), "online");
  assert.strictEqual(presenceState(true, 0), "away");
  assert.strictEqual(presenceState(false, IDLE_MS + 1), "away");
  assert.strictEqual(presenceState(false, IDLE_MS), "online");
});

test("outbox: only sends with an id come back from storage; junk is dropped", () => {
  const kept = JSON.stringify([
    JSON.stringify({ type: "send", roomId: "r", body: "hi", clientMsgId: "c1" }),
    JSON.stringify({ type: "typing", roomId: "r" }),
    JSON.stringify({ type: "send", body: "no id" }),
    "{not json",
  ]);
  assert.deepStrictEqual(restorableSends(kept).map((p) => p.clientMsgId), ["c1"]);
  assert.deepStrictEqual(restorableSends(null), []);
  assert.deepStrictEqual(restorableSends("garbage"), []);
  assert.deepStrictEqual(restorableSends("{\"a\":1}"), []);
});

test("connection: each close code gets its answer", () => {
  assert.strictEqual(onClose(4401), "renew");
  assert.strictEqual(onClose(1008), "sign-in");
  assert.strictEqual(onClose(4403), "sign-in");
  for (const code of [1006, 1011, 1012, 1013]) assert.strictEqual(onClose(code), "extension");
  for (const code of [1000, 1001, 4000]) assert.strictEqual(onClose(code), "retry");
  assert.match(bannerText(3, 4200), /attempt 3, next try in 4 s/);
  assert.match(bannerText(1, 200), /next try in 1 s/);
});

test("composer: typing is told at most every three seconds, and only with text", () => {
  assert.strictEqual(typingDue("hello", TYPING_EVERY_MS, 0), true);
  assert.strictEqual(typingDue("hello", 1000, 0), false);
  assert.strictEqual(typingDue("   ", 10000, 0), false);
  assert.strictEqual(waitLabel(5), "Wait 5 s");
});

test("composer: commands are suggested from the slash until the first space", () => {
  assert.strictEqual(commandPrefix("/"), "");
  assert.strictEqual(commandPrefix("/Mu"), "mu");
  assert.strictEqual(commandPrefix("/mute @bob"), null);
  assert.strictEqual(commandPrefix("hello /me"), null);
  assert.strictEqual(commandPrefix(""), null);
});

test("composer: the @name being typed before the caret is offered", () => {
  assert.strictEqual(mentionPrefix("hi @ad"), "ad");
  assert.strictEqual(mentionPrefix("@"), "");
  assert.strictEqual(mentionPrefix("mail me at a@b"), null);
  assert.strictEqual(mentionPrefix("hi @ada "), null);
  assert.strictEqual(mentionPrefix("@zoë"), "zoë");
});

test("uploads: a refusal says why", () => {
  assert.strictEqual(uploadRefusal(413, "x"), "Those files are too large to send.");
  assert.strictEqual(uploadRefusal(409, "your files take all the space"), "your files take all the space");
  assert.strictEqual(uploadRefusal(500, ""), "The files could not be sent.");
});

test("menus: your reactions are found by whole id; Alt+arrows stay within the list", () => {
  assert.strictEqual(reactedBy("a1 b2 c3", "b2"), true);
  assert.strictEqual(reactedBy("a12 b2", "a1"), false);
  assert.strictEqual(nextRoom(-1, 3, false), 0);
  assert.strictEqual(nextRoom(0, 3, true), -1);
  assert.strictEqual(nextRoom(2, 3, false), -1);
  assert.strictEqual(nextRoom(1, 3, true), 0);
  assert.strictEqual(nextRoom(0, 0, false), -1);
});

test("times: relative labels, then the day's own label", () => {
  assert.strictEqual(relativeLabel(0, "L"), "just now");
  assert.strictEqual(relativeLabel(5, "L"), "5 min ago");
  assert.strictEqual(relativeLabel(125, "L"), "2 h ago");
  assert.strictEqual(relativeLabel(24 * 60, "3 Nov"), "3 Nov");
  const today = new Date(2026, 11, 7, 15, 0);
  assert.strictEqual(dayLabel(new Date(2026, 11, 7, 1, 0), today), "Today");
  assert.strictEqual(dayLabel(new Date(2026, 11, 6, 23, 59), today), "Yesterday");
  assert.strictEqual(dayLabel(new Date(2026, 0, 1), new Date(2026, 0, 2)), "Yesterday");
  assert.notStrictEqual(dayLabel(new Date(2026, 10, 1), today), "Today");
  assert.strictEqual(dayKey(new Date(2026, 11, 7)), "2026-11-7");
});

test("badges: notifications follow the room's choice; the title counts unread", () => {
  const before = { unread: 1, mentions: 0 };
  assert.strictEqual(wantsNotification({ notify: "default", unread: 2, mentions: 0, direct: false }, before), false);
  assert.strictEqual(wantsNotification({ notify: "default", unread: 2, mentions: 0, direct: true }, before), true);
  assert.strictEqual(wantsNotification({ notify: "default", unread: 2, mentions: 1, direct: false }, before), true);
  assert.strictEqual(wantsNotification({ notify: "all", unread: 2, mentions: 0, direct: false }, before), true);
  assert.strictEqual(wantsNotification({ notify: "mentions", unread: 5, mentions: 0, direct: true }, before), false);
  assert.strictEqual(wantsNotification({ notify: "nothing", unread: 5, mentions: 3, direct: true }, before), false);
  assert.strictEqual(wantsNotification({ notify: "all", unread: 5, mentions: 0 }, undefined), false);
  assert.strictEqual(titleWith(3, "Parley"), "(3) Parley");
  assert.strictEqual(titleWith(0, "Parley"), "Parley");
});

test("later: a datetime-local value is the browser's own date and time, to the minute", () => {
  assert.strictEqual(localValue(new Date(2026, 11, 4, 9, 5, 59)), "2026-12-04T09:05");
  assert.strictEqual(localValue(new Date(2027, 0, 31, 23, 0)), "2027-01-31T23:00");
});

test("push: the server's Base64url key becomes the bytes the Push API wants", () => {
  assert.deepStrictEqual(Array.from(keyBytes("AQID_-8")), [1, 2, 3, 255, 239]);
  assert.strictEqual(keyBytes("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8").length, 65);
});

test("links: a message's permanent link is absolute on this server", () => {
  assert.strictEqual(permalink("https://chat.example.com", "/rooms/r1/messages/7"), "https://chat.example.com/rooms/r1/messages/7");
  assert.strictEqual(permalink("http://localhost:9080/", "rooms/r1/messages/7"), "http://localhost:9080/rooms/r1/messages/7");
});

test("drafts: the text goes as a form field, with its thread for a reply", () => {
  assert.strictEqual(draftParams("half a thought & more", null), "body=half+a+thought+%26+more");
  assert.strictEqual(draftParams("", "12"), "body=&threadOf=12");
});

test("emoji hints: offered from two letters after a colon that starts a word; taking one completes it", () => {
  assert.strictEqual(emojiPrefix("ship it :ta"), "ta");
  assert.strictEqual(emojiPrefix(":party-pa"), "party-pa");
  assert.strictEqual(emojiPrefix("ship it :t"), null);
  assert.strictEqual(emojiPrefix("at 10:30"), null);
  assert.strictEqual(withEmoji("ship it :ta", ":tada:"), "ship it :tada: ");
});
