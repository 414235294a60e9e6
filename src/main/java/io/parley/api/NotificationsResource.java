package io.parley.api;

import io.parley.away.AwayEmails;
import io.parley.away.AwaySettings;
import io.parley.away.EmailFrequency;
import io.parley.common.DomainException;
import io.parley.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Your email choices for what you miss while away. */
@Path("me/notifications")
@RequestScoped
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationsResource {

  @Inject Caller caller;
  @Inject AwayEmails away;

  /**
   * {@code email} (absent: unchanged; empty: none), {@code frequency} soon|hourly|daily|never,
   * {@code includeText}; {@code mailConfigured} says whether this server sends email at all.
   */
  public record NotificationsJson(
      String email,
      String frequency,
      Boolean includeText,
      Boolean alsoEmailPushed,
      Boolean mailConfigured) {
    static NotificationsJson of(AwaySettings s, boolean configured) {
      return new NotificationsJson(
          s.email(), s.frequency().label(), s.includeText(), s.alsoEmailPushed(), configured);
    }
  }

  @GET
  @Operation(summary = "Your email choices")
  public NotificationsJson mine() {
    return NotificationsJson.of(away.settingsOf(caller.userId()), away.mailConfigured());
  }

  @PUT
  @Operation(summary = "Set where and how often Parley emails you what you missed")
  public NotificationsJson choose(NotificationsJson chosen) {
    if (chosen == null) {
      throw DomainException.invalid("give email, frequency and includeText");
    }
    AwaySettings now = away.settingsOf(caller.userId());
    return NotificationsJson.of(
        away.choose(
            caller.userId(),
            chosen.email() == null ? now.email() : chosen.email(),
            chosen.frequency() == null ? now.frequency() : EmailFrequency.of(chosen.frequency()),
            chosen.includeText() == null ? now.includeText() : chosen.includeText(),
            chosen.alsoEmailPushed() == null ? now.alsoEmailPushed() : chosen.alsoEmailPushed()),
        away.mailConfigured());
  }
}
