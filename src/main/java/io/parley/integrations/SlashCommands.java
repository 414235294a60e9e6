package io.parley.integrations;

import io.parley.common.DomainException;
import io.parley.rooms.Moderation;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The composer's built-in commands: text starting with {@code /} is a command, not a message
 * ({@code //} posts the text with one slash). A command either becomes a message to post ({@code
 * /me}, {@code /shrug}) or acts and answers only the person who typed it ({@code /topic}, {@code
 * /invite}, {@code /leave}, {@code /mute}, {@code /unmute}, {@code /help}), through the same room
 * services and checks as the page's buttons.
 */
public final class SlashCommands {

  /** What a command comes to. */
  public sealed interface Outcome permits Post, Notice, Pending {}

  /** Post this text as the person's message. */
  public record Post(String body) implements Outcome {}

  /** Done (or refused politely): this is shown to the person who typed it, nobody else. */
  public record Notice(String text) implements Outcome {}

  /** A custom command was called: its answer for the author comes later. */
  public record Pending(java.util.concurrent.CompletableFuture<Notice> answer) implements Outcome {}

  /** One built-in command, for help and the composer's suggestions. */
  public record Command(String name, String usage, String what) {}

  public static final List<Command> BUILT_IN =
      List.of(
          new Command("me", "/me waves", "say what you are doing"),
          new Command("shrug", "/shrug [text]", "adds ¯\\_(ツ)_/¯"),
          new Command("topic", "/topic New topic", "set the room's topic (moderators)"),
          new Command("invite", "/invite @username", "add someone to the room (moderators)"),
          new Command("leave", "/leave", "leave the room"),
          new Command("mute", "/mute @username [10m|2h|1d]", "mute someone (moderators)"),
          new Command("unmute", "/unmute @username", "lift a mute (moderators)"),
          new Command("help", "/help", "list the commands"));

  private static final Pattern COMMAND =
      Pattern.compile("/([A-Za-z][A-Za-z0-9_-]*)(?:\\s+(.*))?", Pattern.DOTALL);
  private static final Pattern LENGTH = Pattern.compile("(\\d{1,6})([mhd])");
  private static final String SHRUG = "¯\\\\\\_(ツ)\\_/¯";

  private final RoomService rooms;
  private final UserService users;
  private final CustomCommands custom;

  public SlashCommands(RoomService rooms, UserService users) {
    this(rooms, users, null);
  }

  /** With the commands administrators added ({@code custom}). */
  public SlashCommands(RoomService rooms, UserService users, CustomCommands custom) {
    this.rooms = rooms;
    this.users = users;
    this.custom = custom;
  }

  /** The built-in commands and those administrators added, for the composer's suggestions. */
  public List<Command> available() {
    if (custom == null) {
      return BUILT_IN;
    }
    List<Command> all = new java.util.ArrayList<>(BUILT_IN);
    custom.all().forEach(c -> all.add(new Command(c.name(), "/" + c.name(), c.description())));
    return all;
  }

  /** The command {@code text} is, run as {@code userId} in the room; null if it is no command. */
  public Outcome run(String userId, String roomId, String text) {
    if (text == null || !text.startsWith("/")) {
      return null;
    }
    if (text.startsWith("//")) {
      return new Post(text.substring(1));
    }
    Matcher m = COMMAND.matcher(text.strip());
    if (!m.matches()) {
      return help("That is not a command.");
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String rest = m.group(2) == null ? "" : m.group(2).strip();
    return switch (name) {
      case "me" -> rest.isEmpty() ? new Notice("Usage: /me waves") : new Post("*" + rest + "*");
      case "shrug" -> new Post(rest.isEmpty() ? SHRUG : rest + " " + SHRUG);
      case "topic" -> {
        rooms.lifecycle().setTopic(userId, roomId, rest);
        yield new Notice(rest.isEmpty() ? "Topic cleared." : "Topic set.");
      }
      case "invite" -> {
        String target = person(rest, "/invite @username");
        rooms.memberships().addMember(userId, roomId, users.requireByUsername(target).id());
        yield new Notice("Added @" + target + " to the room.");
      }
      case "leave" -> {
        rooms.memberships().leave(userId, roomId);
        yield new Notice("You left the room.");
      }
      case "mute" -> mute(userId, roomId, rest);
      case "unmute" -> {
        String target = person(rest, "/unmute @username");
        rooms
            .moderation()
            .moderate(userId, roomId, users.requireByUsername(target).id(), Moderation.UNMUTE);
        yield new Notice("@" + target + " may post again.");
      }
      case "help" -> help(null);
      default -> {
        var added = custom == null ? java.util.Optional.<CustomCommand>empty() : custom.find(name);
        yield added.isPresent()
            ? new Pending(custom.call(added.get(), userId, roomId, rest))
            : help("There is no /" + name + " command.");
      }
    };
  }

  private Notice mute(String userId, String roomId, String rest) {
    String[] parts = rest.split("\\s+", 2);
    String target = person(parts[0], "/mute @username [10m|2h|1d]");
    Duration length = parts.length > 1 ? length(parts[1].strip()) : null;
    rooms
        .moderation()
        .moderate(
            userId, roomId, users.requireByUsername(target).id(), Moderation.MUTE, length, null);
    return new Notice(
        "@"
            + target
            + " is muted"
            + (length == null ? " until unmuted." : " for " + parts[1].strip() + "."));
  }

  private static String person(String arg, String usage) {
    String name = arg.strip().replaceFirst("^@", "");
    if (name.isEmpty() || name.contains(" ")) {
      throw DomainException.invalid("Usage: " + usage);
    }
    return name;
  }

  private static Duration length(String text) {
    Matcher m = LENGTH.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw DomainException.invalid("say how long as 10m, 2h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static Notice help(String first) {
    StringBuilder b = new StringBuilder(first == null ? "" : first + " ");
    b.append("Commands: ");
    for (int i = 0; i < BUILT_IN.size(); i++) {
      b.append(i == 0 ? "" : " · ").append(BUILT_IN.get(i).usage());
    }
    return new Notice(b.append(". Start with // to post a message beginning with /.").toString());
  }
}
