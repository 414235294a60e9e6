package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Save a message, schedule one from the composer, and see a reminder fire on the open page. */
class LaterBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void saveScheduleAndBeReminded() throws Exception {
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      String roomUrl = ada.createRoom("Later " + suffix);
      ada.type("remember the milk" + Keys.ENTER);
      WebElement message = ada.awaitMessage("remember the milk");

      // ⋯ → Save: the page says so, and the Saved page lists it.
      WebElement article = message.findElement(By.xpath("ancestor::article"));
      new Actions(ada.driver).moveToElement(article).perform();
      WebElement menu = article.findElement(By.cssSelector("a.menu-button"));
      ada.wait.until(ExpectedConditions.elementToBeClickable(menu)).click();
      ada.wait
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".menu form.save button")))
          .click();
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("composer-status"), "Saved."));

      // Send later, from the composer, in the browser's time zone.
      String zone =
          ada.driver
              .findElement(By.cssSelector("details.send-later input[data-time-zone]"))
              .getAttribute("value");
      assertFalse(zone.isBlank(), "the page says which time zone the browser is in");
      ada.type("good morning, team");
      ada.driver.findElement(By.cssSelector("details.send-later summary")).click();
      new Select(ada.driver.findElement(By.id("later-when"))).selectByValue("tomorrow");
      ada.driver.findElement(By.cssSelector("button.schedule")).click();
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("composer-status"), "Scheduled for"));
      assertEquals(
          "",
          ada.driver.findElement(By.cssSelector("#composer textarea")).getAttribute("value"),
          "the scheduled text left the composer");

      // A reminder set (through the API) for two seconds from now shows on the open page.
      TestUser api = Parley.signIn("Ada " + suffix);
      String roomId = roomUrl.substring(roomUrl.lastIndexOf('/') + 1);
      var made =
          api.post(
              "/api/me/reminders",
              "{\"roomId\":\""
                  + roomId
                  + "\",\"seq\":1,\"at\":\""
                  + Instant.now().plusSeconds(2)
                  + "\"}");
      assertEquals(201, made.statusCode(), made.body());
      WebElement notice =
          ada.waitUpTo(Duration.ofSeconds(20))
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("#notices .notice.later a")));
      assertTrue(notice.getText().contains("remember the milk"), notice.getText());
      assertTrue(notice.getAttribute("href").contains(roomId), notice.getAttribute("href"));

      ada.driver.get(Browser.baseUrl() + "/saved");
      assertTrue(
          ada.driver.findElement(By.tagName("main")).getText().contains("remember the milk"));
      ada.driver.get(Browser.baseUrl() + "/later");
      String later = ada.driver.findElement(By.tagName("main")).getText();
      assertTrue(later.contains("Reminded you"), later);
      WebElement scheduled = ada.driver.findElement(By.cssSelector(".scheduled textarea"));
      assertEquals("good morning, team", scheduled.getAttribute("value"));
      String at =
          ada.driver
              .findElement(By.cssSelector(".scheduled input[type=datetime-local]"))
              .getAttribute("value");
      assertTrue(at.endsWith("T09:00"), "tomorrow at 9:00 in the browser's own time: " + at);
    }
  }
}
