package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Search in a browser: a word prefix typed into the top bar's box shows the message in the
 * dropdown, with the match marked; choosing it opens the room at that message (marked, in view,
 * with the messages around it); Escape closes the dropdown; Enter opens the results page.
 */
class SearchBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aPrefixFindsAnOldMessageAndTheResultOpensTheRoomThere() throws Exception {
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Searcher " + suffix);
      String roomUrl = ada.createRoom("Searchable " + suffix);
      String word = "zqreport" + suffix;
      ada.type("The quarterly " + word + " is ready\n");
      ada.awaitMessage("The quarterly " + word + " is ready");
      for (int i = 1; i <= 40; i++) {
        ada.type("filler " + i + "\n");
        ada.awaitMessage("filler " + i);
      }

      WebElement box = ada.driver.findElement(By.id("search-q"));
      box.sendKeys(word.substring(0, 10));
      WebElement mark =
          ada.wait.until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-suggest mark")));
      assertEquals(word, mark.getText());
      box.sendKeys(Keys.ESCAPE);
      ada.wait.until(
          ExpectedConditions.numberOfElementsToBe(By.cssSelector("#search-suggest *"), 0));

      box.clear();
      box.sendKeys(word.substring(0, 10)); // typing again brings it back
      ada.wait
          .until(
              ExpectedConditions.elementToBeClickable(By.cssSelector("#search-suggest a.hit-link")))
          .click();
      ada.wait.until(ExpectedConditions.urlContains("at=1"));
      String roomId = roomUrl.substring(roomUrl.lastIndexOf('/') + 1);
      WebElement target =
          ada.wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("article.jump-target#msg-" + roomId + "-1")));
      ada.awaitLive();
      Boolean inView =
          (Boolean)
              ((JavascriptExecutor) ada.driver)
                  .executeScript(
                      "var r = arguments[0].getBoundingClientRect();"
                          + " var l = document.querySelector('.messages').getBoundingClientRect();"
                          + " return r.bottom > l.top && r.top < l.bottom;",
                      target);
      assertTrue(inView, "the message searched for is in view");
      ada.awaitMessage("filler 40"); // newer messages load below it

      // Enter opens the results page.
      WebElement again = ada.driver.findElement(By.id("search-q"));
      again.sendKeys(word + Keys.ENTER);
      ada.wait.until(ExpectedConditions.urlContains("/search?q="));
      assertTrue(
          ada.driver.findElement(By.cssSelector("p.search-count")).getText().contains("1 message"));
      assertEquals(
          word, ada.driver.findElement(By.cssSelector("ol.search-results mark")).getText());
    }
  }
}
