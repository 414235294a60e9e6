package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The room's history goes back under an open page, as a restore from a backup does (here the last
 * message is taken out of the store and the server restarted): the page is told so and reloads,
 * rather than resuming after a seq the room no longer has and missing the message that gets it.
 */
class RewoundHistoryBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aPageAheadOfTheRoomsHistoryIsToldAndReloads() throws Exception {
    TestUser bob = Parley.signIn("Bob " + suffix);
    String roomId = bob.createRoom("Rewound " + suffix, "public");
    for (int i = 1; i <= 3; i++) {
      assertEquals(201, bob.postMessage(roomId, "note " + i, "note-" + i).statusCode());
    }
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      ada.join(Browser.baseUrl() + "/rooms/" + roomId);
      ada.awaitLive();
      WebElement third = ada.awaitMessage("note 3");

      try (MongoClient store =
          MongoClients.create(
              "mongodb://127.0.0.1:" + System.getProperty("parley.mongo.port", "27018"))) {
        var removed =
            store
                .getDatabase("parley")
                .getCollection("messages")
                .deleteOne(Filters.eq("roomSeq", roomId + "/3"));
        assertEquals(1, removed.getDeletedCount());
      }
      // The page reconnects as soon as the server takes sockets, which is before it says it is
      // ready (it warms up first): watch for the notice while the restart is still under way.
      java.util.concurrent.CompletableFuture<Void> restarted =
          java.util.concurrent.CompletableFuture.runAsync(Parley::restartServer);

      WebDriverWait patient = ada.waitUpTo(Duration.ofSeconds(150));
      WebElement notice =
          patient.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#notices [data-reload-page]")));
      assertTrue(notice.getText().contains("restored from a backup"), notice.getText());
      patient.until(ExpectedConditions.stalenessOf(third)); // the page reloaded
      restarted.get(3, java.util.concurrent.TimeUnit.MINUTES);
      ada.awaitLive();
      List<String> shown =
          ada.driver.findElements(By.cssSelector("article.message")).stream()
              .map(a -> a.getAttribute("data-seq"))
              .toList();
      assertEquals(List.of("1", "2"), shown, "the room as it now is");

      assertEquals(201, bob.postMessage(roomId, "after the rewind", "after").statusCode());
      ada.awaitMessage("after the rewind");
      assertEquals(
          "3",
          ada.driver
              .findElement(By.xpath("//article[.//div[normalize-space(.)='after the rewind']]"))
              .getAttribute("data-seq"),
          "the new message 3 reaches the reloaded page");
    }
  }
}
