package io.parley.mail;

/**
 * Where mail goes: the SMTP server ({@code host} null: no mail at all), its port, whether to insist
 * on STARTTLS, credentials (both null: none), the sender, and the public URL the links in an email
 * start with.
 */
public record MailSettings(
    String host,
    int port,
    boolean startTls,
    String username,
    String password,
    String from,
    String publicUrl) {

  public boolean configured() {
    return host != null && !host.isBlank();
  }
}
