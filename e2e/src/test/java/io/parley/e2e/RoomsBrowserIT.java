package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Bringing people together from the pages: the owner of a private room adds someone, whose open
 * page shows the room at once; a group conversation is started from the lobby; the people and room
 * directories find what they are asked for.
 */
class RoomsBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void anInvitedPersonSeesThePrivateRoomAppearAndAGroupStartsFromTheLobby() throws Exception {
    try (Browser owner = Browser.withJavaScript();
        Browser bob = Browser.withJavaScript();
        Browser cy = Browser.withJavaScript()) {
      bob.signIn("Bobby" + suffix);
      cy.signIn("Cyrus" + suffix);
      owner.signIn("Olga" + suffix);
      owner.driver.findElement(By.id("room-name")).sendKeys("Secret plans " + suffix);
      new Select(owner.driver.findElement(By.id("room-type"))).selectByValue("private");
      owner.driver.findElement(By.cssSelector("form.create-room button")).click();
      owner.wait.until(ExpectedConditions.urlMatches("/rooms/[0-9a-f-]+$"));
      owner.awaitLive();

      // Bob's lobby is open and connected; the owner adds him by name.
      bob.wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live='open']")));
      var add = owner.driver.findElement(By.cssSelector("form.add-member input[name=username]"));
      add.sendKeys("bobby" + suffix);
      owner.driver.findElement(By.cssSelector("form.add-member button")).click();
      owner.awaitLive();
      bob.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("nav.sidebar"), "Secret plans " + suffix));
      // A message there counts in the title of Bob's open page.
      owner.type("first news\n");
      owner.awaitMessage("first news");
      bob.wait.until(ExpectedConditions.titleContains("(1)"));
      bob.driver.findElement(By.partialLinkText("Secret plans " + suffix)).click();
      bob.awaitLive();
      bob.type("thanks for having me\n");
      owner.awaitMessage("thanks for having me");

      // A group conversation from the lobby, with two people.
      cy.driver.get(Browser.baseUrl() + "/rooms");
      cy.driver.findElement(By.id("dm-username")).sendKeys("olga" + suffix + ", bobby" + suffix);
      cy.driver.findElement(By.cssSelector("form.direct button")).click();
      cy.wait.until(ExpectedConditions.urlMatches("/rooms/[0-9a-f-]+$"));
      cy.awaitLive();
      cy.type("hello both\n");
      owner.driver.get(cy.driver.getCurrentUrl());
      owner.awaitMessage("hello both");

      // The directories find people and rooms.
      cy.driver.get(Browser.baseUrl() + "/people?q=olga" + suffix);
      assertTrue(
          cy.driver
              .findElement(By.cssSelector(".people-list"))
              .getText()
              .contains("Olga" + suffix));
      cy.driver.get(Browser.baseUrl() + "/rooms/directory?q=secret");
      assertTrue(
          !cy.driver.getPageSource().contains("Secret plans " + suffix),
          "a private room is never in the directory");
    }
  }
}
