package io.parley.away;

/** Sends digests (SMTP in production). */
public interface DigestMail {

  /** Whether mail is set up at all: without it, nothing is gathered or sent. */
  boolean configured();

  /** Sends it, or throws: the entries stay, and the next run tries again. */
  void send(Digest digest) throws MailFailure;

  /** A send that did not go through. */
  class MailFailure extends Exception {
    public MailFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
