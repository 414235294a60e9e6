package io.parley.render;

/** A room member as the member list shows them, with their presence and profile. */
public record MemberView(
    String userId,
    String name,
    String role,
    String state,
    String lastSeen,
    AvatarView avatar,
    String status,
    boolean muted) {

  /** The class every presence dot of this person carries, so one push updates them all. */
  public String presenceKey() {
    return Dom.key(userId);
  }
}
