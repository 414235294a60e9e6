package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.SteadySender;
import io.parley.it.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The server stops and starts while Bob keeps sending: both open pages show "Reconnecting…",
 * reconnect by themselves, and end up with every message exactly once, in order, including the one
 * Ada typed while the server was away.
 */
class ReconnectBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void pagesCatchUpAfterARestartAndWhatWasTypedOfflineIsSentOnce() throws Exception {
    TestUser bob = Parley.signIn("Bob " + suffix);
    String roomId = bob.createRoom("Outage " + suffix, "public");
    String roomUrl = Browser.baseUrl() + "/rooms/" + roomId;
    try (Browser ada = Browser.withJavaScript();
        Browser cy = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      ada.join(roomUrl);
      ada.awaitLive();
      cy.signIn("Cy " + suffix);
      cy.join(roomUrl);
      cy.awaitLive();

      SteadySender sender = new SteadySender(bob, roomId, "tick", 200);
      List<String> all;
      try {
        sender.awaitAcknowledged(5, Duration.ofSeconds(30));
        ada.awaitMessage("tick 5");

        Parley.stopServer();
        WebDriverWait patient = ada.waitUpTo(Duration.ofSeconds(90));
        By banner = By.id("connection-banner");
        patient.until(ExpectedConditions.visibilityOfElementLocated(banner));
        assertTrue(ada.driver.findElement(banner).getText().startsWith("Reconnecting…"));
        ada.type("typed while the server was away" + Keys.ENTER);
        WebElement queued = ada.driver.findElement(By.cssSelector("#outbox li"));
        assertEquals("queued", queued.getAttribute("data-state"));
        assertEquals(
            "", ada.driver.findElement(By.cssSelector("#composer textarea")).getAttribute("value"));
        patient.until(
            d -> Integer.parseInt(d.findElement(banner).getAttribute("data-attempt")) >= 2);

        Parley.startServer();
        for (Browser page : List.of(ada, cy)) {
          page.waitUpTo(Duration.ofSeconds(90))
              .until(ExpectedConditions.invisibilityOfElementLocated(banner));
        }
        patient.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#outbox li"), 0));
        sender.awaitAcknowledged(sender.acknowledgedCount() + 5, Duration.ofSeconds(60));
      } finally {
        all = new ArrayList<>(sender.stop());
      }
      all.add("typed while the server was away");
      ada.awaitMessage(all.get(all.size() - 2));

      List<Long> expectedSeqs = LongStream.rangeClosed(1, all.size()).boxed().toList();
      for (Browser page : List.of(ada, cy)) {
        page.awaitMessage(all.get(all.size() - 2));
        List<WebElement> articles = page.driver.findElements(By.cssSelector("article.message"));
        assertEquals(
            expectedSeqs,
            articles.stream().map(a -> Long.parseLong(a.getAttribute("data-seq"))).toList(),
            "every message once, in order");
        List<String> bodies =
            articles.stream().map(a -> a.findElement(By.cssSelector(".body")).getText()).toList();
        assertEquals(
            all.stream().sorted().toList(),
            bodies.stream().sorted().toList(),
            "exactly the acknowledged messages and the offline one");
      }
      assertEquals(
          1,
          bob.history(roomId, "?limit=200").stream()
              .filter(m -> m.getString("body").equals("typed while the server was away"))
              .count(),
          "the queued send was stored once");
    }
  }
}
