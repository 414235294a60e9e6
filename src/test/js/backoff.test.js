// Runs with `node --test` in Maven's test phase.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { reconnectDelay, BASE_MS, CAP_MS } = require("../../main/webapp/static/backoff.js");

test("the first retry comes quickly, between a quarter and a half second", () => {
  assert.strictEqual(reconnectDelay(0, 0), BASE_MS / 2);
  assert.strictEqual(reconnectDelay(0, 0.999999), BASE_MS);
});

test("the floor doubles with every attempt until the cap", () => {
  const floors = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((a) => reconnectDelay(a, 0));
  assert.deepStrictEqual(floors, [250, 500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
});

test("no delay ever exceeds the cap, however many attempts", () => {
  for (const attempt of [10, 50, 1000, Number.MAX_SAFE_INTEGER]) {
    assert.ok(reconnectDelay(attempt, 0.999999) <= CAP_MS);
    assert.ok(reconnectDelay(attempt, 0) >= CAP_MS / 2);
  }
});

test("jitter spreads tabs that retry at the same attempt", () => {
  const delays = new Set();
  for (let i = 0; i < 200; i++) delays.add(reconnectDelay(5));
  assert.ok(delays.size > 50, "200 tabs picked only " + delays.size + " distinct delays");
  for (const d of delays) assert.ok(d >= 8000 && d <= 16000, "delay " + d + " outside its window");
});

test("a negative attempt counts as the first", () => {
  assert.strictEqual(reconnectDelay(-3, 0), reconnectDelay(0, 0));
});
