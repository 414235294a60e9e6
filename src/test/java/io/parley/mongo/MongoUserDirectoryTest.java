package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.testing.WireStore;
import io.parley.users.NameKeys;
import io.parley.users.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people directory's search over the MongoDB wire: prefixes, any case, any accents. */
class MongoUserDirectoryTest {

  private WireStore store;
  private MongoUserDirectory users;

  @BeforeEach
  void start() {
    store = new WireStore();
    users = new MongoUserDirectory(store.db());
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static User person(String id, String username, String name) {
    return new User(id, username, name, Set.of(), Instant.EPOCH, null, null, false, false);
  }

  private List<String> found(String prefix) {
    return users.search(prefix, 10).stream().map(User::username).toList();
  }

  @Test
  void findsByUsernameNameOrAWordOfTheNameIgnoringCaseAndAccents() {
    users.save(person("1", "zoe", "Zoë Ångström"));
    users.save(person("2", "jose.nunez", "José Núñez"));
    users.save(person("3", "ann", "Ann O'Neil"));

    assertEquals(List.of("zoe"), found("ZOË"));
    assertEquals(List.of("zoe"), found("angs"), "a later word of the name, without its ring");
    assertEquals(List.of("zoe"), found("Ångs"));
    assertEquals(List.of("jose.nunez"), found("núñ"));
    assertEquals(List.of("jose.nunez"), found("jose.n"), "the username as typed");
    assertEquals(List.of("ann"), found("neil"));
    assertEquals(List.of("ann", "jose.nunez", "zoe"), found(""), "everyone, by username");
    assertEquals(List.of(), found("x"));
    assertEquals(List.of(), found(".*"), "the prefix is text, not a pattern");
  }

  @Test
  void peopleStoredBeforeTheKeysExistedGetThemOnce() {
    store
        .db()
        .getCollection(Collections.USERS)
        .insertOne(
            new Document("_id", "old")
                .append("username", "bjorn")
                .append("displayName", "Björn Borg")
                .append("groups", List.of())
                .append("lastSignIn", new java.util.Date(0)));
    assertEquals(List.of(), found("bjö"));
    users.addMissingNameKeys();
    assertEquals(List.of("bjorn"), found("bjö"));
    assertEquals(List.of("bjorn", "bjorn borg", "borg"), keysOf("old"));
  }

  private List<String> keysOf(String id) {
    return NameKeys.of(users.find(id).orElseThrow());
  }
}
