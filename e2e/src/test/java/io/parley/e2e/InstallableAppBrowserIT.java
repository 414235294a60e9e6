package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The installable app in Chromium: the manifest and its icons load, the service worker registers
 * and activates, and the profile offers "Notify me on this device".
 */
class InstallableAppBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void theManifestLoadsAndTheServiceWorkerIsActive() throws Exception {
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      ada.driver.get(Browser.baseUrl() + "/profile");
      Object scope =
          ada.waitUpTo(Duration.ofSeconds(20))
              .until(
                  d ->
                      ada.driver.executeAsyncScript(
                          "var done = arguments[arguments.length - 1];"
                              + "navigator.serviceWorker.getRegistration('/').then(function (r) {"
                              + "  done(r && r.active && r.active.state === 'activated' ? r.scope : null);"
                              + "}, function () { done(null); });"));
      assertEquals(Browser.baseUrl() + "/", scope);
      Object manifest =
          ada.driver.executeAsyncScript(
              "var done = arguments[arguments.length - 1];"
                  + "var link = document.querySelector('link[rel=manifest]');"
                  + "fetch(link.href).then(function (r) { return r.json(); }).then(function (m) {"
                  + "  return fetch(m.icons[1].src).then(function (i) {"
                  + "    done(m.name + '|' + m.display + '|' + i.status + '|' + i.headers.get('content-type'));"
                  + "  });"
                  + "}, function (e) { done('failed: ' + e); });");
      assertEquals("Parley|standalone|200|image/png", manifest);
      assertTrue(
          ada.wait
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("push-button")))
              .getText()
              .contains("Notify me on this device"));
    }
  }
}
