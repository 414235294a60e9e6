package io.parley.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryUserDirectory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserServiceTest {

  private final Map<String, Avatar> stored = new HashMap<>();
  private final AvatarStore avatars =
      new AvatarStore() {
        @Override
        public void save(String userId, Avatar avatar) {
          stored.put(userId, avatar);
        }

        @Override
        public Optional<Avatar> find(String userId) {
          return Optional.ofNullable(stored.get(userId));
        }

        @Override
        public void delete(String userId) {
          stored.remove(userId);
        }
      };
  private int versions;
  private final UserService users =
      new UserService(
          new InMemoryUserDirectory(), avatars, Clock.systemUTC(), () -> "v" + ++versions);

  @Test
  void onlyAFirstSignInIsAnnounced() {
    java.util.List<String> welcomed = new java.util.ArrayList<>();
    users.onFirstSignIn(welcomed::add);
    users.signIn(new UserClaims("sub-9", "neo", "neo@corp", "Neo", Set.of()));
    users.signIn(new UserClaims("sub-9", "neo", "neo@corp", "Neo", Set.of()));
    assertEquals(java.util.List.of("sub-9"), welcomed);
  }

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

  /** A directory that counts how often people are read in bulk (as rendering does). */
  private static InMemoryUserDirectory countingFindAll(int[] reads) {
    return new InMemoryUserDirectory() {
      @Override
      public Map<String, User> findAll(java.util.Collection<String> ids) {
        reads[0]++;
        return super.findAll(ids);
      }
    };
  }

  @Test
  void peopleShownAreReadOnceAndAChangeHereShowsAtOnce() {
    int[] reads = {0};
    InMemoryUserDirectory directory = countingFindAll(reads);
    UserService cached = new UserService(directory, avatars, Clock.systemUTC(), () -> "v");
    cached.signIn(new UserClaims("sub-1", "ada", null, "Ada", Set.of()));
    assertEquals("Ada", cached.byIds(List.of("sub-1")).get("sub-1").displayName());
    assertEquals("Ada", cached.byIds(List.of("sub-1")).get("sub-1").displayName());
    assertEquals(1, reads[0], "the second render uses the node's copy");
    cached.updateProfile("sub-1", "Ada L.", "");
    assertEquals("Ada L.", cached.byIds(List.of("sub-1")).get("sub-1").displayName());
    assertEquals(2, reads[0]);
  }

  @Test
  void aSenderWithoutARecordIsReadOnceUntilTheyAppearHere() {
    int[] reads = {0};
    InMemoryUserDirectory directory = countingFindAll(reads);
    UserService cached = new UserService(directory, avatars, Clock.systemUTC(), () -> "v");
    assertTrue(cached.byIds(List.of("imported-1")).isEmpty());
    assertTrue(cached.byIds(List.of("imported-1")).isEmpty());
    assertEquals(1, reads[0], "an unknown sender is remembered as unknown for a while");
    cached.signIn(new UserClaims("imported-1", "cy", null, "Cy", Set.of()));
    assertEquals("Cy", cached.byIds(List.of("imported-1")).get("imported-1").displayName());
    assertEquals(2, reads[0]);
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

  private static final byte[] PNG = picture("png", 40, 20);

  private static byte[] picture(String format, int width, int height) {
    var image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, format, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private User ada() {
    return users.signIn(new UserClaims("s-ada", "ada", null, "Ada Lovelace", Set.of()));
  }

  @Test
  void aChosenNameAndStatusSurviveTheNextSignIn() {
    ada();
    users.updateProfile("s-ada", "  Countess  ", "Computing Bernoulli numbers");
    User again = ada();
    assertEquals("Countess", again.displayName());
    assertEquals("Computing Bernoulli numbers", again.status());
    assertTrue(again.nameChosen());
  }

  @Test
  void withoutAChosenNameTheIdentityProviderKeepsItCurrent() {
    ada();
    User renamed = users.signIn(new UserClaims("s-ada", "ada", null, "Ada King", Set.of()));
    assertEquals("Ada King", renamed.displayName());
  }

  @Test
  void profileFieldsAreChecked() {
    ada();
    assertThrows(DomainException.class, () -> users.updateProfile("s-ada", " ", ""));
    assertThrows(DomainException.class, () -> users.updateProfile("s-ada", "x".repeat(61), ""));
    assertThrows(DomainException.class, () -> users.updateProfile("s-ada", "Ada", "y".repeat(141)));
    assertThrows(DomainException.class, () -> users.updateProfile("s-ada", "Ada", "a\u0007b"));
    assertEquals("", users.updateProfile("s-ada", "Ada", "   ").status());
  }

  @Test
  void anAvatarIsRedrawnAsASmallPngAndVersionedOnEveryUpload() throws Exception {
    ada();
    User first = users.setAvatar("s-ada", PNG);
    assertEquals("image/png", users.avatar("s-ada").orElseThrow().contentType());
    User second = users.setAvatar("s-ada", picture("jpeg", 1000, 500));
    Avatar redrawn = users.avatar("s-ada").orElseThrow();
    assertEquals("image/png", redrawn.contentType(), "every avatar is re-encoded as PNG");
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(redrawn.bytes()));
    assertEquals(256, image.getWidth(), "scaled down to the largest side shown");
    assertEquals(128, image.getHeight());
    assertFalse(first.avatarVersion().equals(second.avatarVersion()));
    assertEquals(second.avatarVersion(), ada().avatarVersion(), "sign-in keeps the avatar");
    User removed = users.removeAvatar("s-ada");
    assertFalse(removed.hasAvatar());
    assertTrue(users.avatar("s-ada").isEmpty());
  }

  @Test
  void scriptsAndOversizedImagesAreRefused() {
    ada();
    byte[] svg = "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(DomainException.class, () -> users.setAvatar("s-ada", svg));
    byte[] huge = new byte[Avatar.MAX_BYTES + 1];
    System.arraycopy(PNG, 0, huge, 0, PNG.length);
    assertThrows(DomainException.class, () -> users.setAvatar("s-ada", huge));
    byte[] headerThenPage = java.util.Arrays.copyOf(PNG, 8 + 20);
    System.arraycopy("<html><script>x</script>".getBytes(), 0, headerThenPage, 8, 20);
    assertThrows(DomainException.class, () -> users.setAvatar("s-ada", headerThenPage));
    assertThrows(DomainException.class, () -> users.setAvatar("s-ada", new byte[0]));
    assertTrue(users.avatar("s-ada").isEmpty());
  }

  @Test
  void onlyAdminsWithdrawAccessAndTheCheckIsTold() {
    List<String> told = new java.util.ArrayList<>();
    users.configure(new Roles(Set.of("admins"), Set.of("mods")), VerifiedGroups.NONE, told::add);
    User admin = users.signIn(new UserClaims("s-root", "root", null, "Root", Set.of("admins")));
    User mod = users.signIn(new UserClaims("s-mod", "mod", null, "Mod", Set.of("mods")));
    ada();
    assertThrows(DomainException.class, () -> users.setDisabled(mod, "ada", true));
    assertThrows(DomainException.class, () -> users.setDisabled(admin, "root", true));
    assertTrue(users.setDisabled(admin, "ada", true).disabled());
    assertEquals(List.of("s-ada"), told);
    assertTrue(ada().disabled(), "signing in again does not lift it");
    assertFalse(users.setDisabled(admin, "ada", false).disabled());
    assertTrue(users.isAdmin(admin));
    assertFalse(users.isAdmin(mod));
    assertTrue(new Roles(Set.of("admins"), Set.of("mods")).isModerator(mod.groups()));
  }

  @Test
  void globalModeratorsComeFromVerifiedTokensNotFromTheStoredRecord() {
    VerifiedGroups groups = remembering();
    users.configure(new Roles(Set.of("admins"), Set.of("mods")), groups, id -> {});
    // The stored record claims a moderator group (as if someone edited the store) ...
    users.signIn(new UserClaims("s-eve", "eve", null, "Eve", Set.of("mods")));
    // ... but no verified token ever said so.
    assertFalse(users.isGlobalModerator("s-eve"));
    groups.record("s-eve", Set.of("mods"), java.time.Instant.MAX);
    assertTrue(users.isGlobalModerator("s-eve"));
    groups.record("s-eve", Set.of(), java.time.Instant.MAX);
    assertFalse(users.isGlobalModerator("s-eve"), "a newer token without the group demotes");
  }

  @Test
  void aRequestIsJudgedByItsOwnTokenNotTheLastOneUsed() {
    VerifiedGroups lastUsed = remembering();
    users.configure(new Roles(Set.of("admins"), Set.of("mods")), lastUsed, id -> {});
    lastUsed.record("s-dana", Set.of("admins"), java.time.Instant.MAX); // her admin token, last
    boolean[] decided = new boolean[2];
    ActingIdentity.run("s-dana", Set.of(), () -> decided[0] = users.isAdministrator("s-dana"));
    assertFalse(decided[0], "a plain token of hers is no admin, whatever was used last");
    lastUsed.record("s-dana", Set.of(), java.time.Instant.MAX);
    ActingIdentity.run(
        "s-dana", Set.of("admins"), () -> decided[1] = users.isAdministrator("s-dana"));
    assertTrue(decided[1], "and her admin token is one, whatever was used last");
    ActingIdentity.run(
        "s-other", Set.of("admins"), () -> decided[0] = users.isAdministrator("s-dana"));
    assertFalse(decided[0], "decisions about someone else use their last verified token");
  }

  /** Verified groups kept in memory: the last recorded groups per person. */
  private static VerifiedGroups remembering() {
    Map<String, Set<String>> verified = new java.util.concurrent.ConcurrentHashMap<>();
    return new VerifiedGroups() {
      @Override
      public void record(String userId, Set<String> g, java.time.Instant until) {
        verified.put(userId, g);
      }

      @Override
      public Set<String> of(String userId) {
        return verified.getOrDefault(userId, Set.of());
      }
    };
  }
}
