package io.parley.ws;

import io.parley.common.DomainException;
import io.parley.integrations.SlashCommands;
import io.parley.messaging.MessageService;
import io.parley.messaging.SendResult;
import io.parley.metrics.ChatMetrics;
import io.parley.presence.PresenceState;
import io.parley.receipts.ReceiptStore;
import io.parley.render.LiveFragments;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.security.SignedIn;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The browser's socket. Frames in are JSON ({@code type} = {@code send} or {@code resume}); frames
 * out are HTML fragments with out-of-band swaps. A bad frame gets an error fragment and the socket
 * stays open; only a missing identity closes it.
 */
@Dependent
@ServerEndpoint(value = "/ws", configurator = ChatConfigurator.class)
public class ChatEndpoint {

  /** Frames above this get an error; message bodies are limited far below it. */
  static final int MAX_FRAME = 64 * 1024;

  /** Frames above this are refused by the container itself, which closes the socket (1009). */
  static final int CONTAINER_MAX_FRAME = 1024 * 1024;

  /**
   * Heartbeats of an unchanged state refresh the tab's presence entry (40 s to live) at most this
   * often: every other 10-second beat.
   */
  static final long HEARTBEAT_REFRESH_MILLIS = 15_000;

  private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

  @Inject LiveConnections connections;
  @Inject LiveFeed feed;
  @Inject TypingFeed typing;
  @Inject PresenceFeed presence;
  @Inject LiveFragments fragments;
  @Inject MessageService messages;
  @Inject SlashCommands commands;
  @Inject RoomService rooms;
  @Inject ReceiptStore receipts;
  @Inject MetricRegistry metrics;
  @Inject ChatMetrics chat;
  @Inject io.parley.presence.ConnectionLog records;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "parley.limits.sockets-per-user")
  int socketsPerUser;

  @Inject SessionExpiry expiry;
  @Inject DeliveryLanes lanes;

  @OnOpen
  public void open(Session session, EndpointConfig config) throws IOException {
    SignedIn signedIn = (SignedIn) config.getUserProperties().get(ChatConfigurator.SIGNED_IN);
    if (signedIn == null) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
      return;
    }
    List<Room> mine = rooms.listings().roomsOf(signedIn.userId());
    Set<String> memberOf = mine.stream().map(Room::id).collect(Collectors.toSet());
    Set<String> peers = new HashSet<>();
    mine.stream()
        .filter(r -> r.type() == RoomType.DIRECT)
        .forEach(r -> rooms.memberLists().members(r.id()).forEach(m -> peers.add(m.userId())));
    peers.remove(signedIn.userId());
    Map<String, Long> lastRead = receipts.lastRead(signedIn.userId());
    LiveConnection connection =
        new LiveConnection(
            session,
            signedIn,
            memberOf,
            lastRead,
            peers,
            () -> metrics.counter("parley.sockets.closed_too_slow").inc(),
            lanes.writers());
    connection.presenceDue(PresenceState.ONLINE, System.currentTimeMillis(), 0);
    String client = (String) config.getUserProperties().get(ChatConfigurator.CLIENT);
    records.opened(connection.id(), signedIn.userId(), client, Instant.now());
    if (!presence.admit(connection, client, PresenceState.ONLINE, socketsPerUser)) {
      metrics.counter("parley.sockets.refused").inc();
      records.closed(
          connection.id(),
          Instant.now(),
          CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(),
          "too many open connections");
      session.close(
          new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many open connections"));
      return;
    }
    connection.expiresWith(expiry.closeAt(session, signedIn.expiresAt()));
    connections.add(connection);
  }

  @OnMessage(maxMessageSize = CONTAINER_MAX_FRAME)
  public void frame(Session session, String text) {
    LiveConnection connection = connections.get(session.getId()).orElse(null);
    if (connection == null) {
      return;
    }
    io.parley.users.ActingIdentity.run(
        connection.userId(), connection.groups(), () -> handle(session, connection, text));
  }

  private void handle(Session session, LiveConnection connection, String text) {
    InboundFrame frame = null;
    try {
      if (!connection.frameAllowed()) {
        throw DomainException.rateLimited("You are sending", 1);
      }
      if (text.length() > MAX_FRAME) {
        throw DomainException.invalid("frame too large: at most " + MAX_FRAME / 1024 + " KiB");
      }
      frame = InboundFrame.parse(text);
      if ((frame.type().equals("send") || frame.type().equals("typing"))
          && !connection.mayWrite()) {
        throw DomainException.forbidden("this access token may only read");
      }
      switch (frame.type()) {
        case "send" -> {
          InboundFrame send = frame;
          SlashCommands.Outcome command =
              commands.run(connection.userId(), send.roomId(), send.body());
          if (command instanceof SlashCommands.Notice notice) {
            connection.send(fragments.notice(notice.text(), send.clientMsgId()));
            return;
          }
          if (command instanceof SlashCommands.Pending pending) {
            pending
                .answer()
                .thenAccept(n -> connection.send(fragments.notice(n.text(), send.clientMsgId())));
            return;
          }
          String body = command instanceof SlashCommands.Post post ? post.body() : send.body();
          SendResult result =
              chat.posting(
                  ChatMetrics.Via.SOCKET,
                  send.roomId(),
                  () ->
                      messages.send(
                          connection.userId(), send.roomId(), body, send.clientMsgId(), Map.of()));
          connection.send(fragments.sent(result));
        }
        case "resume" -> {
          InboundFrame resume = frame;
          chat.catchUp(
              () ->
                  feed.watch(
                      connection,
                      resume.roomId(),
                      resume.afterSeq() == null ? 0 : resume.afterSeq(),
                      resume.afterAt(),
                      resume.afterRev()));
        }
        case "presence" -> {
          PresenceState state = PresenceState.reported(frame.state());
          switch (connection.presenceDue(
              state, System.currentTimeMillis(), HEARTBEAT_REFRESH_MILLIS)) {
            case CHANGE -> presence.report(connection, state);
            case REFRESH -> presence.refresh(connection, state);
            case NONE -> {}
          }
        }
        case "typing" -> {
          rooms.access().requireMember(connection.userId(), frame.roomId());
          typing.typing(frame.roomId(), connection.userId(), connection.displayName());
        }
        default -> throw DomainException.invalid("unknown frame type");
      }
    } catch (DomainException e) {
      metrics.counter("parley.frames.refused").inc();
      connection.send(fragments.error(e.getMessage(), frame == null ? null : frame.clientMsgId()));
      if (e.kind() == DomainException.Kind.RATE_LIMITED && connection.persistentlyAbusive()) {
        // The connection stayed open through the refusals; one that keeps flooding is closed.
        metrics.counter("parley.sockets.closed_for_abuse").inc();
        closeQuietly(session, "rate limit exceeded again and again");
      }
    } catch (RuntimeException e) {
      chat.failed(ChatMetrics.Failure.SOCKET);
      LOG.log(Level.WARNING, "frame failed", e);
      connection.send(
          fragments.error(
              "Parley could not handle that; nothing was stored. Try again.",
              frame == null ? null : frame.clientMsgId()));
    }
  }

  private static void closeQuietly(Session session, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing an abusive socket", e);
    }
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    gone(session, reason.getCloseCode().getCode(), reason.getReasonPhrase());
  }

  @OnError
  public void error(Session session, Throwable error) {
    LOG.log(Level.FINE, "socket error", error);
    gone(
        session,
        CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(),
        "error: " + error.getClass().getSimpleName());
  }

  private void gone(Session session, int code, String reason) {
    connections
        .remove(session.getId())
        .ifPresent(
            c -> {
              c.closed();
              presence.closed(c.id(), c.userId());
              records.closed(c.id(), Instant.now(), code, reason);
            });
  }
}
