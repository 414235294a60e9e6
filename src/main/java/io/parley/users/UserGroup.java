package io.parley.users;

import java.time.Instant;
import java.util.Set;

/**
 * A group people mention as {@code @handle}: its members are listed ({@code memberIds}, a local
 * group made in Parley), or are whoever the identity provider puts in {@code idpGroup} (a mapped
 * group; the list then stays empty).
 */
public record UserGroup(
    String handle,
    String name,
    Set<String> memberIds,
    String idpGroup,
    String createdBy,
    Instant createdAt) {

  public UserGroup {
    memberIds = Set.copyOf(memberIds);
  }

  public boolean mapped() {
    return idpGroup != null;
  }

  public UserGroup withMembers(Set<String> members) {
    return new UserGroup(handle, name, members, idpGroup, createdBy, createdAt);
  }
}
