package io.parley.integrations;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** How outgoing hooks reach their receivers: JSON over HTTP, never following a redirect. */
public interface HookTransport {

  /** The receiver's answer: its status and the {@code text} of a JSON reply, if it gave one. */
  record Answer(int status, String replyText) {}

  byte[] encode(HookEvent event);

  /** A custom command's call: {@code command}, {@code text}, the user and the room. */
  record CommandCall(
      String command,
      String text,
      String userId,
      String username,
      String userName,
      String roomId,
      String roomName) {}

  byte[] encode(CommandCall call);

  Answer post(URI target, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException;
}
