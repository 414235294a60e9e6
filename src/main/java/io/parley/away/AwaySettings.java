package io.parley.away;

import io.parley.common.DomainException;
import java.util.regex.Pattern;

/**
 * A person's choices while away: the email address ({@code null}: none), how often, whether email
 * and push may quote the messages (off: they say only who wrote where), and whether what was pushed
 * to a device is emailed too.
 */
public record AwaySettings(
    String userId,
    String email,
    EmailFrequency frequency,
    boolean includeText,
    boolean alsoEmailPushed) {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+");
  static final int MAX_ADDRESS = 254;

  public AwaySettings {
    email = email == null || email.isBlank() ? null : email.strip();
    if (email != null && (email.length() > MAX_ADDRESS || !ADDRESS.matcher(email).matches())) {
      throw DomainException.invalid("that is not an email address");
    }
    frequency = frequency == null ? EmailFrequency.SOON : frequency;
  }

  /** Until a person chooses: no address, so no email; soon after, with text, once they give one. */
  public static AwaySettings defaults(String userId) {
    return new AwaySettings(userId, null, EmailFrequency.SOON, true, false);
  }

  public AwaySettings withFrequency(EmailFrequency f) {
    return new AwaySettings(userId, email, f, includeText, alsoEmailPushed);
  }

  public boolean wantsEmail() {
    return email != null && frequency != EmailFrequency.NEVER;
  }
}
