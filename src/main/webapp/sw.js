// Parley's service worker: it only shows push notifications and opens their room on a click.
// It caches nothing and answers no requests (pages always come from the server).
"use strict";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = {};
  }
  var url = typeof data.url === "string" && data.url.charAt(0) === "/" ? data.url : "/rooms";
  event.waitUntil(self.registration.showNotification(data.title || "Parley", {
    body: data.body || "",
    tag: data.tag || url,
    icon: "/static/icons/parley-192.png",
    data: { url: url }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = new URL(event.notification.data && event.notification.data.url || "/rooms", self.location.origin);
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (tabs) {
    for (var i = 0; i < tabs.length; i++) {
      if (new URL(tabs[i].url).origin === url.origin && "focus" in tabs[i]) {
        return tabs[i].navigate(url.href).then(function (tab) { return tab && tab.focus(); });
      }
    }
    return self.clients.openWindow(url.href);
  }));
});
