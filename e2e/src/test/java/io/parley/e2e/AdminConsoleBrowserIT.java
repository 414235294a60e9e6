package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An admin in a browser: finds a person in the console and withdraws their access, then filters the
 * audit log down to that act and sees it with its actor.
 */
class AdminConsoleBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void anAdminFindsSomeoneWithdrawsAccessAndFindsTheActInTheAuditLog() throws Exception {
    try (Browser eve = Browser.withJavaScript();
        Browser admin = Browser.withJavaScript()) {
      eve.signIn("Evelyn" + suffix);
      admin.driver.get(Browser.baseUrl() + "/sign-in");
      admin.driver.findElement(By.id("name")).sendKeys("Root" + suffix);
      admin
          .driver
          .findElement(By.cssSelector("form[action='/sign-in'] input[name=role][value=admin]"))
          .click();
      admin.driver.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
      admin.wait.until(ExpectedConditions.urlContains("/rooms"));

      admin.driver.get(Browser.baseUrl() + "/admin");
      admin.driver.findElement(By.id("people-q")).sendKeys("evelyn" + suffix);
      admin.driver.findElement(By.cssSelector("section.people form button")).click();
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("table.people-results"), "Evelyn" + suffix));
      admin
          .driver
          .findElement(By.cssSelector("table.people-results button[value=disable]"))
          .click();
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("p.saved"), "can no longer use Parley"));

      admin.driver.findElement(By.id("audit-link")).click();
      admin.driver.findElement(By.id("f-action")).sendKeys("user.");
      admin.driver.findElement(By.cssSelector("form.audit-filters button")).click();
      admin.wait.until(ExpectedConditions.urlContains("action=user."));
      String log = admin.driver.findElement(By.cssSelector("table.audit-log")).getText();
      assertTrue(log.contains("Root" + suffix), log);
      assertTrue(log.contains("Evelyn" + suffix), log);
    }
  }
}
