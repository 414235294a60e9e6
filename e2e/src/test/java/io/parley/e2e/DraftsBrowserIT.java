package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A draft typed in one browser is there in another; sending it clears it for both. */
class DraftsBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aDraftFollowsThePersonToAnotherBrowser() throws Exception {
    try (Browser laptop = Browser.withJavaScript();
        Browser phone = Browser.withJavaScript()) {
      laptop.signIn("Ada " + suffix);
      String roomUrl = laptop.createRoom("Drafts " + suffix);
      laptop.type("a thought I will finish later");
      Thread.sleep(2000); // the draft is saved a moment after typing stops

      phone.signIn("Ada " + suffix);
      phone.driver.get(roomUrl);
      phone.awaitLive();
      By box = By.cssSelector("#composer textarea");
      assertEquals(
          "a thought I will finish later", phone.driver.findElement(box).getAttribute("value"));

      phone.type(", finished" + Keys.ENTER);
      phone.awaitMessage("a thought I will finish later, finished");
      Thread.sleep(1000);
      laptop.driver.get(roomUrl);
      laptop.awaitLive();
      // (attributeToBe cannot wait for an empty value: it then reads a CSS value instead.)
      laptop
          .waitUpTo(Duration.ofSeconds(5))
          .until(d -> d.findElement(box).getAttribute("value").isEmpty());
    }
  }
}
