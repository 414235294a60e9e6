package io.parley.presence;

import io.parley.common.Broadcast;

/**
 * An administrator closes a person's open sockets on every node (the ids published are user ids).
 * Their pages reconnect by themselves, signed in as before: this ends stuck or unwanted
 * connections; withdrawing access is what keeps someone out.
 */
public interface Disconnects extends Broadcast<String> {

  /** The close code the sockets get: not a sign-out, so pages reconnect. */
  int CLOSE_CODE = 4000;
}
