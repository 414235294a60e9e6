package io.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import org.junit.jupiter.api.Test;

/** What the web adapter accepts from a request: where to go after sign-in, a typed name. */
class WebInputsTest {

  @Test
  void afterSignInOnlyLocalPathsAreFollowed() {
    assertEquals("/rooms/abc-1", Requests.localPath("/rooms/abc-1"));
    for (String away :
        new String[] {
          null,
          "",
          "rooms",
          "//evil.example",
          "/\\evil.example",
          "https://evil.example",
          "/rooms?x=<script>",
          "/" + "a".repeat(300)
        }) {
      assertEquals("/rooms", Requests.localPath(away), String.valueOf(away));
    }
  }

  @Test
  void usernamesDeriveFromTheTypedName() {
    assertEquals("ada.lovelace", SignInPages.usernameOf("Ada  Lovelace"));
    assertEquals(
        DomainException.class,
        assertThrows(RuntimeException.class, () -> SignInPages.usernameOf("!!")).getClass());
  }
}
