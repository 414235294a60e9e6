// Notifications on this device with no tab open (Web Push): the service worker is registered on
// every page (it only shows notifications), and "Notify me on this device" on the profile asks the
// browser for a push subscription with the server's key and hands it to the server.

export function install() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js").catch(function () { /* http without localhost */ });
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("push-button");
    if (!button || !("PushManager" in window)) return;
    button.hidden = false;
    button.addEventListener("click", function () { subscribe(button); });
  });
}

function subscribe(button) {
  var status = document.getElementById("push-status");
  function say(text) { if (status) status.textContent = text; }
  Notification.requestPermission().then(function (permission) {
    if (permission !== "granted") throw new Error("notifications are blocked for this site");
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    return registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(button.dataset.vapidKey)
    });
  }).then(function (subscription) {
    var json = subscription.toJSON();
    json.label = deviceLabel();
    return fetch("/profile/push", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(json)
    });
  }).then(function (response) {
    if (!response.ok) throw new Error("the server refused it (" + response.status + ")");
    location.reload();
  }).catch(function (e) {
    say("Could not turn notifications on: " + e.message);
  });
}

/** The Base64url key as the bytes the Push API wants. */
export function keyBytes(base64url) {
  var b64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  while (b64.length % 4) b64 += "=";
  var raw = atob(b64);
  var bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function deviceLabel() {
  var ua = navigator.userAgent;
  var browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrom/.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "A browser";
  var os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS/.test(ua) ? "macOS" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "";
  return os ? browser + " on " + os : browser;
}
