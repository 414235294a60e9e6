package io.parley.app;

import io.parley.audit.AuditLog;
import io.parley.common.Ids;
import io.parley.common.RateLimits;
import io.parley.files.FileService;
import io.parley.messaging.ChangeLog;
import io.parley.messaging.MessageEvents;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.MessageSequencer;
import io.parley.messaging.MessageService;
import io.parley.messaging.MessageStores;
import io.parley.messaging.RecentMessages;
import io.parley.messaging.RoomSequencer;
import io.parley.messaging.RoomWideMentions;
import io.parley.mongo.GridFsFileStore;
import io.parley.mongo.MongoAuditLog;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoMessageStores;
import io.parley.mongo.MongoReceiptStore;
import io.parley.mongo.MongoReportStore;
import io.parley.mongo.MongoRoomDirectory;
import io.parley.mongo.MongoUserDirectory;
import io.parley.receipts.CachedReceipts;
import io.parley.receipts.ReceiptEvents;
import io.parley.receipts.ReceiptRecorder;
import io.parley.render.EmojiCatalogue;
import io.parley.render.Markdown;
import io.parley.reports.ReportEvents;
import io.parley.reports.ReportService;
import io.parley.rooms.Cooldowns;
import io.parley.rooms.MembershipEvents;
import io.parley.rooms.RoomService;
import io.parley.security.SecuritySettings;
import io.parley.users.AccessWithdrawals;
import io.parley.users.User;
import io.parley.users.UserService;
import io.parley.users.VerifiedGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Assembles the framework-free domain services from their adapters, once per node. */
@ApplicationScoped
public class DomainWiring {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  UserService users(
      MongoConnection mongo,
      Clock clock,
      SecuritySettings settings,
      AccessWithdrawals withdrawals,
      VerifiedGroups verifiedGroups,
      AuditLog audit,
      io.parley.presence.Disconnects disconnects) {
    UserService users =
        new UserService(
            new MongoUserDirectory(mongo.database()).addMissingNameKeys(),
            new MongoAvatarStore(mongo.database()),
            clock,
            Ids::newId);
    users.configure(settings.roles(), verifiedGroups, withdrawals::publish);
    users.auditWith(audit);
    users.disconnectWith(disconnects::publish);
    return users;
  }

  @Produces
  @Singleton
  RoomService rooms(
      MongoConnection mongo,
      Clock clock,
      MembershipEvents memberships,
      UserService users,
      AuditLog audit,
      Cooldowns cooldowns,
      @ConfigProperty(name = "parley.rooms.default") java.util.Optional<String> defaults) {
    RoomService rooms =
        new RoomService(
            new io.parley.rooms.RoomContext(
                new MongoRoomDirectory(mongo.database()),
                clock,
                memberships,
                users::isGlobalModerator,
                users::isAdministrator,
                audit,
                cooldowns,
                users::isGuest));
    java.util.List<String> names =
        java.util.Arrays.stream(defaults.orElse("").split(","))
            .map(String::strip)
            .filter(n -> !n.isEmpty())
            .toList();
    if (!names.isEmpty()) {
      users.onFirstSignIn(id -> rooms.memberships().joinDefaults(id, names));
    }
    return rooms;
  }

  @Produces
  @Singleton
  ReportService reports(
      MongoConnection mongo,
      RoomService rooms,
      MessageService messages,
      Clock clock,
      ReportEvents events,
      AuditLog audit) {
    ReportService reports =
        new ReportService(
            new MongoReportStore(mongo.database()), rooms, messages, clock, events::publish);
    reports.auditWith(audit);
    return reports;
  }

  /** Groups people mention as @handle: local ones and identity provider groups mapped by admins. */
  @Produces
  @Singleton
  io.parley.users.UserGroups userGroups(
      MongoConnection mongo, UserService users, AuditLog audit, Clock clock) {
    return new io.parley.users.UserGroups(
        new io.parley.mongo.MongoGroupStore(mongo.database()),
        new MongoUserDirectory(mongo.database()),
        users,
        audit,
        clock);
  }

  /** Personal access tokens and bots' tokens; revoking one closes its person's sockets. */
  @Produces
  @Singleton
  io.parley.users.AccessTokens accessTokens(
      MongoConnection mongo,
      UserService users,
      AuditLog audit,
      Clock clock,
      io.parley.presence.Disconnects disconnects) {
    return new io.parley.users.AccessTokens(
        new io.parley.mongo.MongoAccessTokenStore(mongo.database()),
        users,
        audit,
        clock,
        disconnects::publish);
  }

  /** The append-only audit log, each entry stamped with this node's name (the host's). */
  @Produces
  @Singleton
  AuditLog audit(MongoConnection mongo) {
    String node;
    try {
      node = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      node = "unknown";
    }
    return new MongoAuditLog(mongo.database(), node + "/" + ProcessHandle.current().pid());
  }

  @Produces
  @Singleton
  MessageStores messageStores(
      MongoConnection mongo,
      @ConfigProperty(name = "parley.history.recent-per-room", defaultValue = "100") int perRoom,
      @ConfigProperty(name = "parley.history.recent-rooms", defaultValue = "1000") int rooms) {
    MessageStores store = MongoMessageStores.open(mongo.database());
    if (perRoom <= 0) {
      return store;
    }
    // Only the history is cached; the other parts go to the store.
    return new MessageStores(
        new RecentMessages(store.history(), perRoom, rooms),
        store.changes(),
        store.edits(),
        store.pins(),
        store.purge());
  }

  @Produces
  MessageHistory messageHistory(MessageStores store) {
    return store.history();
  }

  @Produces
  ChangeLog changeLog(MessageStores store) {
    return store.changes();
  }

  /** Watermarks read from the store once per room or person, then kept current from events. */
  @Produces
  @Singleton
  CachedReceipts receipts(MongoConnection mongo) {
    return new CachedReceipts(new MongoReceiptStore(mongo.database()));
  }

  @Produces
  @Singleton
  ReceiptRecorder receiptRecorder(
      CachedReceipts store,
      ReceiptEvents events,
      @ConfigProperty(name = "parley.receipts.store-every-seconds", defaultValue = "5")
          int storeEverySeconds) {
    return new ReceiptRecorder(store, events::publish, storeEverySeconds);
  }

  @Produces
  @Singleton
  @Typed(RoomSequencer.class)
  RoomSequencer roomSequencer(MessageStores store, MessageEvents events, Clock clock) {
    return new RoomSequencer(store, events::publish, clock, Ids::newId);
  }

  /** Deleted messages a legal hold keeps for exports. */
  @Produces
  @Singleton
  io.parley.messaging.HeldMessages heldMessages(MongoConnection mongo) {
    return new io.parley.mongo.MongoHeldMessages(mongo.database());
  }

  @Produces
  @Singleton
  FileService files(
      RoomService rooms,
      MongoConnection mongo,
      UserService users,
      io.parley.messaging.HeldMessages held,
      @ConfigProperty(name = "parley.files.max-mb", defaultValue = "25") long maxMb,
      @ConfigProperty(name = "parley.files.quota-mb", defaultValue = "1024") long quotaMb) {
    return new FileService(rooms, new GridFsFileStore(mongo.database()), maxMb * 1024 * 1024)
        .withheld(held::keepsFile, users::isAdministrator)
        .quota(quotaMb * 1024 * 1024);
  }

  @Produces
  @Singleton
  MessageService messages(
      FileService files,
      AuditLog audit,
      Clock clock,
      RoomService rooms,
      MessageSequencer sequencer,
      MessageStores store,
      UserService users,
      RateLimits limits,
      io.parley.presence.PresenceDirectory presence,
      io.parley.retention.RetentionService retention,
      io.parley.messaging.HeldMessages held,
      MongoConnection mongo,
      io.parley.users.UserGroups groups,
      io.parley.emoji.CustomEmojis customEmoji,
      @ConfigProperty(name = "parley.messages.edit-window-minutes", defaultValue = "0")
          long editWindowMinutes,
      @ConfigProperty(name = "parley.mentions.room-wide", defaultValue = "moderators")
          String roomWide) {
    EmojiCatalogue emoji = EmojiCatalogue.get();
    return MessageService.builder(
            rooms,
            sequencer,
            store,
            ids ->
                users.byIds(ids).values().stream()
                    .collect(java.util.stream.Collectors.toMap(User::id, User::username)))
        .limit(
            (userId, roomId) -> {
              var verdict = limits.tryAcquire(RateLimits.Kind.MESSAGES, userId + ":" + roomId);
              return verdict.allowed() ? 0 : verdict.retryAfterSeconds();
            })
        .configure(
            new Markdown(emoji, customEmoji::names),
            e -> reaction(emoji, customEmoji, e),
            Duration.ofMinutes(editWindowMinutes))
        .onDeletedFiles(files::discard)
        .auditWith(audit, clock)
        .roomWideMentions(RoomWideMentions.parse(roomWide), presence::onlineAmong)
        .holds(retention::covers, held)
        .reportedBy(new MongoReportStore(mongo.database())::isOpen)
        .groups(groups::members)
        .build();
  }

  /** A reaction's emoji: one of the catalogue's, or {@code :name:} of a custom one; else null. */
  static String reaction(
      EmojiCatalogue catalogue, io.parley.emoji.CustomEmojis custom, String emoji) {
    if (emoji.length() > 2
        && emoji.startsWith(":")
        && emoji.endsWith(":")
        && custom.exists(emoji.substring(1, emoji.length() - 1))) {
      return emoji;
    }
    return catalogue.canonical(emoji);
  }

  @Produces
  @Singleton
  io.parley.emoji.CustomEmojis customEmoji(
      MongoConnection mongo, UserService users, AuditLog audit, Clock clock) {
    EmojiCatalogue catalogue = EmojiCatalogue.get();
    return new io.parley.emoji.CustomEmojis(
        new io.parley.mongo.MongoCustomEmojiStore(mongo.database()),
        users,
        audit,
        clock,
        name -> catalogue.byShortcode(name).isPresent());
  }
}
