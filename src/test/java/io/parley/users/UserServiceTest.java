package io.parley.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryUserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserServiceTest {

  private final UserService users = new UserService(new InMemoryUserDirectory(), Clock.systemUTC());

  @Test
  void createsAndRefreshesUsersFromClaims() {
    users.signIn(new UserClaims("sub-1", "ada", "ada@corp", "Ada Lovelace", Set.of("eng")));
    User again =
        users.signIn(
            new UserClaims("sub-1", "ada", "ada@corp", "Ada King", Set.of("eng", "admins")));
    assertEquals("Ada King", users.require("sub-1").displayName());
    assertEquals(Set.of("eng", "admins"), again.groups());
    assertEquals("sub-1", users.requireByUsername("ada").id());
    assertEquals(1, users.byIds(List.of("sub-1", "nobody")).size());
  }

  @Test
  void usernameFallsBackFromPreferredToUpnToSubject() {
    assertEquals("ada", new UserClaims("s", "ada", "u", null, null).username());
    assertEquals("u@corp", new UserClaims("s", " ", "u@corp", null, null).username());
    assertEquals("s", new UserClaims("s", null, null, null, null).username());
    assertEquals("s", new UserClaims("s", null, null, "", null).displayName());
    assertEquals(Set.of(), new UserClaims("s", null, null, null, null).groups());
  }

  @Test
  void refusesTokensWithoutSubjectAndUnknownUsers() {
    assertThrows(
        DomainException.class, () -> users.signIn(new UserClaims(null, "a", null, null, null)));
    assertThrows(
        DomainException.class, () -> users.signIn(new UserClaims(" ", "a", null, null, null)));
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        assertThrows(DomainException.class, () -> users.require("x")).kind());
    assertThrows(DomainException.class, () -> users.requireByUsername("x"));
  }
}
