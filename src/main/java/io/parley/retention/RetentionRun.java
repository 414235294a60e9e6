package io.parley.retention;

/** What one run did: rooms looked at, messages and files removed, messages kept by a hold. */
public record RetentionRun(int rooms, long messages, long files, long held) {

  public java.util.Map<String, String> detail() {
    return java.util.Map.of(
        "rooms", String.valueOf(rooms),
        "messages", String.valueOf(messages),
        "files", String.valueOf(files),
        "held", String.valueOf(held));
  }
}
