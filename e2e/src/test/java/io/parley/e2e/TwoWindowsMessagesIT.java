package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In two windows a person edits, reacts, replies in a thread, pins, formats code, shares an image
 * and deletes; the other window sees each change live, and catches up on changes made while its
 * connection was down.
 */
class TwoWindowsMessagesIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  private static WebElement article(Browser b, long seq) {
    return b.driver.findElement(By.cssSelector("article.message[data-seq='" + seq + "']"));
  }

  /** Opens a message's action menu (its ⋯ shows on hover) and clicks one of the actions. */
  private static void act(Browser b, long seq, String css) {
    WebElement message = article(b, seq);
    b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", message);
    new Actions(b.driver).moveToElement(message).perform();
    WebElement menu = message.findElement(By.cssSelector("a.menu-button"));
    b.wait.until(ExpectedConditions.elementToBeClickable(menu));
    menu.click();
    WebElement target =
        b.wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("article.message[data-seq='" + seq + "'] .menu " + css)));
    target.click();
  }

  @Test
  void everyChangeIsSeenLiveInTheOtherWindow() throws Exception {
    try (Browser ada = Browser.withJavaScript();
        Browser bob = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      String roomUrl = ada.createRoom("Changes " + suffix);
      bob.signIn("Bob " + suffix);
      bob.join(roomUrl);
      bob.awaitLive();

      ada.type("hello teem" + Keys.ENTER);
      bob.awaitMessage("hello teem");

      // Edit: the up arrow in the empty composer opens the last own message for editing.
      ada.driver.findElement(By.cssSelector("#composer textarea")).sendKeys(Keys.ARROW_UP);
      WebElement edit =
          ada.wait.until(
              ExpectedConditions.elementToBeClickable(By.cssSelector("form.edit-form textarea")));
      edit.clear();
      edit.sendKeys("hello **team**" + Keys.ENTER);
      bob.wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("article[data-seq='1'] .body strong")));
      assertEquals("team", article(bob, 1).findElement(By.cssSelector(".body strong")).getText());
      assertTrue(
          article(bob, 1).findElement(By.cssSelector(".edited")).getText().contains("edited"));

      // React: Bob's thumbs up, counted in Ada's window and marked as his in his.
      act(bob, 1, ".quick-reactions button");
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='1'] .reaction .count"), "1"));
      bob.wait.until(
          ExpectedConditions.attributeContains(
              By.cssSelector("article[data-seq='1'] .reaction"), "class", "mine"));

      // Thread: Bob replies in the side panel; Ada's message shows the reply count and a badge.
      act(bob, 1, "a.reply");
      WebElement reply =
          bob.wait.until(
              ExpectedConditions.elementToBeClickable(By.cssSelector("#thread-panel textarea")));
      reply.sendKeys("count me in");
      bob.driver.findElement(By.cssSelector("#thread-panel form.reply-composer button")).click();
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='1'] .thread-summary a"), "1 reply"));
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='1'] .thread-badge"), "new replies"));
      ada.driver.findElement(By.cssSelector("article[data-seq='1'] .thread-summary a")).click();
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#thread-panel .replies"), "count me in"));
      assertEquals(
          1,
          ada.driver.findElements(By.cssSelector(".messages > article.message")).size(),
          "the reply stays in its thread");

      // Pin, and code formatting.
      act(ada, 1, "form.pin button");
      bob.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='1'] .pin-mark"), "pinned by Ada"));
      ada.type("```");
      ada.driver
          .findElement(By.cssSelector("#composer textarea"))
          .sendKeys(
              Keys.chord(Keys.SHIFT, Keys.ENTER)
                  + "if (a < b) run();"
                  + Keys.chord(Keys.SHIFT, Keys.ENTER)
                  + "```"
                  + Keys.ENTER);
      WebElement code =
          bob.wait.until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector(".messages pre code")));
      assertEquals("if (a < b) run();", code.getText());

      // An image: uploaded from the file button, shown to Bob as a server-made thumbnail.
      Path png = Files.createTempFile("parley-", ".png");
      ImageIO.write(new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
      ada.driver.findElement(By.cssSelector("#composer input[type=file]")).sendKeys(png.toString());
      ada.type("the diagram");
      ada.driver.findElement(By.cssSelector("#composer button[type=submit]")).click();
      WebElement thumbnail =
          bob.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".files img")));
      bob.wait.until(
          d ->
              ((Number) bob.driver.executeScript("return arguments[0].naturalWidth", thumbnail))
                      .intValue()
                  == 320);

      // Delete (confirmed): Bob sees the tombstone.
      act(ada, 1, "form.delete button");
      ada.wait.until(ExpectedConditions.alertIsPresent()).accept();
      bob.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='1'] .tombstone"), "message deleted"));

      // Ada owns the room, so she moderates it: she removes Bob's message; it is gone for him.
      bob.type("something off-topic" + Keys.ENTER);
      WebElement offTopic = ada.awaitMessage("something off-topic");
      long seq =
          Long.parseLong(
              offTopic.findElement(By.xpath("ancestor::article")).getAttribute("data-seq"));
      act(ada, seq, "form.remove button");
      ada.wait.until(ExpectedConditions.alertIsPresent()).accept();
      bob.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='" + seq + "'] .tombstone"),
              "removed by a moderator"));
    }
  }

  @Test
  void changesMadeWhileAPageIsOfflineAreCaughtUpWhenItReconnects() throws Exception {
    TestUser cy = Parley.signIn("Cy " + suffix);
    String roomId = cy.createRoom("Offline " + suffix, "public");
    cy.postMessage(roomId, "first draft", "c-1");
    cy.postMessage(roomId, "stays", "c-2");
    try (Browser bob = Browser.withJavaScript()) {
      bob.signIn("Bob " + suffix);
      bob.join(Browser.baseUrl() + "/rooms/" + roomId);
      bob.awaitLive();
      bob.awaitMessage("first draft");
      // The connection drops, and the page waits 4 s before it tries again.
      bob.driver.executeScript(
          "window.ParleyBackoff.reconnectDelay = function () { return 4000; };"
              + "document.querySelector('[ws-connect]')['htmx-internal-data'].webSocket.socket"
              + ".close(4000, 'test');");
      bob.wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("main.room[data-live='closed']")));
      cy.send(
          "PATCH",
          "/api/rooms/" + roomId + "/messages/1",
          "{\"body\":\"final _text_\",\"clientChangeId\":\"e-1\"}");
      cy.post(
          "/api/rooms/" + roomId + "/messages/2/reactions",
          "{\"emoji\":\"🎉\",\"clientChangeId\":\"r-1\"}");
      assertEquals(
          "first draft",
          article(bob, 1).findElement(By.cssSelector(".body")).getText(),
          "missed while offline");
      bob.awaitLive();
      bob.awaitMessage("final text");
      bob.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("article[data-seq='2'] .reaction"), "🎉"));
    }
  }
}
