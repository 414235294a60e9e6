package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import io.parley.security.DevTokenIssuer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A page whose sign-in expires: the server closes its socket (4401), the page's renewal is refused
 * (its cookie's token has lapsed; an open page renews long before that), so it goes to sign in,
 * comes back to the same room, and shows every message posted meanwhile, once, in order.
 */
class SessionExpiryIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void anExpiredPageSignsInAgainAndCatchesUp() throws Exception {
    String username = "exp." + suffix;
    String name = "Exp " + suffix;
    // A token from the server's own development key that lives 10 seconds.
    DevTokenIssuer shortLived =
        new DevTokenIssuer(
            DevTokenIssuer.loadOrCreateKey(
                Path.of(System.getProperty("parley.server.dir"), "data", "dev-signing-key.json")),
            "parley-dev",
            "parley",
            Duration.ofSeconds(10),
            Clock.systemUTC());
    TestUser me = new TestUser(name, shortLived.issue(username, name), Browser.baseUrl());
    String room = me.createRoom("Expiry " + suffix, "public");
    TestUser bob = Parley.signIn("Bob " + suffix);
    bob.join(room);
    bob.postMessage(room, "before 1", "b-1");

    try (Browser page = Browser.withJavaScript()) {
      page.driver.get(Browser.baseUrl() + "/sign-in");
      page.driver.manage().addCookie(new Cookie("parley_token", me.token()));
      page.driver.get(Browser.baseUrl() + "/rooms/" + room);
      page.awaitLive();
      page.awaitMessage("before 1");

      page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign-in?next="));
      bob.postMessage(room, "while signed out 2", "b-2");
      bob.postMessage(room, "while signed out 3", "b-3");
      page.driver.findElement(By.id("name")).sendKeys(name);
      page.driver.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
      page.wait.until(ExpectedConditions.urlToBe(Browser.baseUrl() + "/rooms/" + room));
      page.awaitLive();
      bob.postMessage(room, "after 4", "b-4");
      page.awaitMessage("after 4");
      List<WebElement> shown = page.driver.findElements(By.cssSelector("article.message"));
      assertEquals(
          List.of("1", "2", "3", "4"),
          shown.stream().map(e -> e.getAttribute("data-seq")).toList(),
          "every message once, in order");
      assertTrue(shown.get(1).getText().contains("while signed out 2"));
    }
  }
}
