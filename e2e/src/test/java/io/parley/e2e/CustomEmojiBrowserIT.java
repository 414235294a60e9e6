package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A custom emoji picked from the picker shows as a reaction with its picture. */
class CustomEmojiBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aCustomEmojiReaction() throws Exception {
    TestUser admin = Parley.signIn(Parley.baseUrl(), "Admin " + suffix, "admin");
    String name = "party" + suffix.toLowerCase().replaceAll("[^a-z0-9]", "x");
    BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    var added =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/emoji?name=" + name))
                .header("Authorization", "Bearer " + admin.token())
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                .build());
    assertEquals(201, added.statusCode(), added.body());
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      ada.createRoom("Emoji " + suffix);
      ada.type("react to me\n");
      WebElement article =
          ada.awaitMessage("react to me").findElement(By.xpath("ancestor::article"));
      new Actions(ada.driver).moveToElement(article).perform();
      ada.wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  article.findElement(By.cssSelector("a.menu-button"))))
          .click();
      ada.wait
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".menu a.more-reactions")))
          .click();
      ada.wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector(".picker button[value=':" + name + ":']")))
          .click();
      WebElement reaction =
          ada.wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(
                      "article.message .reactions img.emoji.custom[alt=':" + name + ":']")));
      assertEquals(Browser.baseUrl() + "/emoji/" + name, reaction.getAttribute("src"));
    }
  }
}
