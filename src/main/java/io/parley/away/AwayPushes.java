package io.parley.away;

import io.parley.common.DomainException;
import io.parley.presence.PresenceDirectory;
import io.parley.presence.PresenceState;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Web Push to a person's devices: a mention, a direct message or a reminder is pushed at once when
 * the person has no tab open (online), to every device they turned on; a device whose push service
 * says it is gone (404, 410) is dropped.
 */
public final class AwayPushes {

  private static final Logger LOG = Logger.getLogger(AwayPushes.class.getName());

  /** How many devices one person may turn on. */
  public static final int MAX_DEVICES = 10;

  private final PushSubscriptionStore subscriptions;
  private final PushSender sender;
  private final PresenceDirectory presence;
  private final Clock clock;
  private final Supplier<String> ids;

  public AwayPushes(
      PushSubscriptionStore subscriptions,
      PushSender sender,
      PresenceDirectory presence,
      Clock clock,
      Supplier<String> ids) {
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.presence = presence;
    this.clock = clock;
    this.ids = ids;
  }

  /** Turns push on for a browser: its subscription as the Push API gives it. */
  public PushSubscription subscribe(
      String userId, String endpoint, String p256dh, String auth, String label) {
    URI uri;
    try {
      uri = URI.create(endpoint == null ? "" : endpoint.strip());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("endpoint is not a URL");
    }
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.toString().length() > 1000) {
      throw DomainException.invalid("endpoint must be the push service's http(s) URL");
    }
    requireKey(p256dh, 65, "p256dh");
    requireKey(auth, 16, "auth");
    List<PushSubscription> mine = subscriptions.of(userId);
    Optional<PushSubscription> same =
        mine.stream().filter(s -> s.endpoint().equals(uri.toString())).findFirst();
    if (same.isEmpty() && mine.size() >= MAX_DEVICES) {
      throw DomainException.conflict(
          "you have " + MAX_DEVICES + " devices with notifications; remove one first");
    }
    String name = label == null || label.isBlank() ? "a browser" : label.strip();
    PushSubscription s =
        new PushSubscription(
            same.map(PushSubscription::id).orElseGet(ids),
            userId,
            uri.toString(),
            p256dh.strip(),
            auth.strip(),
            name.length() > 80 ? name.substring(0, 80) : name,
            clock.instant());
    subscriptions.save(s);
    return s;
  }

  public List<PushSubscription> devices(String userId) {
    return subscriptions.of(userId);
  }

  public void remove(String userId, String id) {
    if (!subscriptions.delete(userId, id)) {
      throw DomainException.notFound("no such device");
    }
  }

  public boolean hasDevices(String userId) {
    return !subscriptions.of(userId).isEmpty();
  }

  /**
   * Pushes the notification to every device of a person who is not online now; whether any push
   * service took it.
   */
  public boolean push(String userId, PushSender.Notification notification) {
    if (presence.stateOf(userId) == PresenceState.ONLINE) {
      return false;
    }
    boolean taken = false;
    for (PushSubscription s : subscriptions.of(userId)) {
      try {
        int status = sender.send(s, notification);
        if (status == 404 || status == 410) {
          subscriptions.delete(userId, s.id());
        } else if (status >= 200 && status < 300) {
          taken = true;
        } else {
          LOG.fine(() -> "push service answered " + status + " for a device of " + userId);
        }
      } catch (java.io.IOException | RuntimeException e) {
        LOG.log(Level.FINE, "could not reach a push service", e);
      }
    }
    return taken;
  }

  private static void requireKey(String value, int bytes, String what) {
    try {
      if (value != null && Base64.getUrlDecoder().decode(value.strip()).length == bytes) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw DomainException.invalid(what + " must be " + bytes + " bytes, Base64url");
  }
}
