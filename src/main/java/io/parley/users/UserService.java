package io.parley.users;

import io.parley.common.DomainException;
import io.parley.common.Text;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/** Keeps the user record in step with the identity provider's claims. */
public class UserService {

  private final UserDirectory users;
  private final Clock clock;

  public UserService(UserDirectory users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  /** Called on every sign-in and token use that carries claims: creates or refreshes the user. */
  public User signIn(UserClaims claims) {
    if (claims.subject() == null || claims.subject().isBlank()) {
      throw DomainException.invalid("token has no subject");
    }
    User user =
        new User(
            claims.subject(),
            Text.requireName(claims.username(), "username", 100),
            Text.requireName(claims.displayName(), "display name", 100),
            claims.groups(),
            clock.instant());
    users.save(user);
    return user;
  }

  public User require(String userId) {
    return users.find(userId).orElseThrow(() -> DomainException.notFound("no such user"));
  }

  public User requireByUsername(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> DomainException.notFound("no user named " + username));
  }

  public Map<String, User> byIds(Collection<String> ids) {
    return users.findAll(ids);
  }
}
