package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

  @Test
  void handlesAreFoundLowerCasedInOrderOnce() {
    assertEquals(
        List.of("bob", "cy.lee", "ada"),
        List.copyOf(Mentions.handles("@Bob, ask @cy.lee. and @ada or @bob!")));
  }

  @Test
  void emailAddressesAndLoneAtsAreNotMentions() {
    assertEquals(Set.of(), Mentions.handles("mail bob@example.com or @ alone, @@x"));
    assertEquals(Set.of(), Mentions.handles(null));
  }

  @Test
  void splitMarksOnlyRealMentionsAndKeepsEveryCharacter() {
    String body = "hi @bob and @nobody, <b>@BOB</b>";
    List<Mentions.Part> parts = Mentions.split(body, Set.of("bob"));
    assertEquals(
        List.of(
            new Mentions.Part("hi ", null),
            new Mentions.Part("@bob", "bob"),
            new Mentions.Part(" and @nobody, <b>", null),
            new Mentions.Part("@BOB", "bob"),
            new Mentions.Part("</b>", null)),
        parts);
    assertEquals(body, parts.stream().map(Mentions.Part::text).reduce("", String::concat));
  }

  @Test
  void withNoMentionsTheBodyIsOnePart() {
    assertEquals(List.of(new Mentions.Part("@bob", null)), Mentions.split("@bob", Set.of()));
  }
}
