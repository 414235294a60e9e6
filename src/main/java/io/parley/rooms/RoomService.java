package io.parley.rooms;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rooms' entry point as callers knew it, now only delegating to the capability services it is
 * made of: {@link RoomAccess} (who may do what), {@link RoomLifecycle}, {@link Memberships}, {@link
 * RoomSettings}, {@link RoomModeration}, {@link RoomListings} and {@link MemberLists}. New code
 * should take the service it needs; this class goes once its callers have moved (issue 26).
 */
public class RoomService {

  public static final int MAX_NAME = RoomLifecycle.MAX_NAME;
  public static final int MAX_TOPIC = RoomLifecycle.MAX_TOPIC;
  public static final int MAX_SLOW_MODE_SECONDS = RoomSettings.MAX_SLOW_MODE_SECONDS;
  public static final int MAX_REASON = RoomModeration.MAX_REASON;
  public static final Duration MAX_MODERATION_LENGTH = RoomModeration.MAX_MODERATION_LENGTH;
  public static final Duration MEMBER_LIST_TTL = MemberLists.MEMBER_LIST_TTL;

  private final RoomAccess access;
  private final MemberLists memberLists;
  private final RoomLifecycle lifecycle;
  private final Memberships memberships;
  private final RoomSettings settings;
  private final RoomModeration moderation;
  private final RoomListings listings;

  public RoomService(RoomDirectory rooms, Clock clock) {
    this(rooms, clock, MembershipListener.NONE);
  }

  public RoomService(RoomDirectory rooms, Clock clock, MembershipListener listener) {
    this(RoomContext.of(rooms, clock, listener));
  }

  /** The capabilities, each built once with what it needs; nothing changes after this. */
  public RoomService(RoomContext with) {
    this.access = new RoomAccess(with);
    this.memberLists = new MemberLists(with);
    this.lifecycle = new RoomLifecycle(with, access, memberLists);
    this.memberships = new Memberships(with, access, memberLists);
    this.settings = new RoomSettings(with, access);
    this.moderation = new RoomModeration(with, access, memberLists);
    this.listings = new RoomListings(with);
  }

  /** A moderator's act on a person in the room; everyone else is refused. */
  public void moderate(String actorId, String roomId, String targetId, Moderation action) {
    moderation.moderate(actorId, roomId, targetId, action, null, null);
  }

  public Poster requirePosting(String userId, String roomId) {
    return access.requirePosting(userId, roomId);
  }

  public void requireSlowModeTurn(Poster poster, String clientMsgId) {
    settings.requireSlowModeTurn(poster, clientMsgId);
  }

  public static void requireModerationLength(Duration length) {
    RoomModeration.requireModerationLength(length);
  }

  public static Duration moderationMinutes(String text) {
    return RoomModeration.moderationMinutes(text);
  }

  public static Duration moderationLength(Long seconds, Long minutes) {
    return RoomModeration.moderationLength(seconds, minutes);
  }

  public Optional<Ban> banNow(String roomId, String userId) {
    return access.banNow(roomId, userId);
  }

  public Room visible(String userId, String roomId) {
    return access.visible(userId, roomId);
  }

  public Room requireRemover(String userId, String roomId) {
    return access.requireRemover(userId, roomId);
  }

  public void refuseIfArchived(String roomId) {
    access.refuseIfArchived(roomId);
  }

  public Membership requireMember(String userId, String roomId) {
    return access.requireMember(userId, roomId);
  }

  public Membership requirePoster(String userId, String roomId) {
    return access.requirePoster(userId, roomId);
  }

  public Standing standing(String userId, String roomId) {
    return access.standing(userId, roomId);
  }

  public boolean canPost(String userId, String roomId) {
    return access.canPost(userId, roomId);
  }

  public Membership requireReactor(String userId, String roomId) {
    return access.requireReactor(userId, roomId);
  }

  public Membership requirePinner(String userId, String roomId) {
    return access.requirePinner(userId, roomId);
  }

  public boolean moderatesAny(String userId) {
    return access.moderatesAny(userId);
  }

  public boolean canModerate(String userId, String roomId) {
    return access.canModerate(userId, roomId);
  }

  public boolean isMember(String userId, String roomId) {
    return access.isMember(userId, roomId);
  }

  public Room create(String userId, String name, RoomType type) {
    return lifecycle.create(userId, name, type);
  }

  public Room openDirect(String userId, List<String> otherUserIds) {
    return lifecycle.openDirect(userId, otherUserIds);
  }

  public Room rename(String actorId, String roomId, String newName) {
    return lifecycle.rename(actorId, roomId, newName);
  }

  public Room setTopic(String actorId, String roomId, String topic) {
    return lifecycle.setTopic(actorId, roomId, topic);
  }

  public Room archive(String actorId, String roomId, boolean archived) {
    return lifecycle.archive(actorId, roomId, archived);
  }

  public void delete(String actorId, String roomId, String confirmName) {
    lifecycle.delete(actorId, roomId, confirmName);
  }

  public Membership join(String userId, String roomId) {
    return memberships.join(userId, roomId);
  }

  /**
   * Adds someone where the actor is: to a room (as {@link #addMember}), or, since a conversation's
   * people are fixed, by opening the conversation of everyone in it plus them. Returns the room
   * they are now in with the actor.
   */
  public Room addPerson(String actorId, String roomId, String addedId) {
    Room room = visible(actorId, roomId);
    if (!room.type().isDirect()) {
      addMember(actorId, roomId, addedId);
      return room;
    }
    requireMember(actorId, roomId);
    List<String> people = new java.util.ArrayList<>();
    members(roomId).forEach(m -> people.add(m.userId()));
    people.add(addedId);
    people.remove(actorId);
    return openDirect(actorId, people);
  }

  public Membership addMember(String actorId, String roomId, String targetId) {
    return memberships.addMember(actorId, roomId, targetId);
  }

  public Membership setNotify(String userId, String roomId, Notify level) {
    return memberships.setNotify(userId, roomId, level);
  }

  public Map<String, Notify> notifyLevels(String userId) {
    return memberships.notifyLevels(userId);
  }

  public void joinDefaults(String userId, List<String> names) {
    memberships.joinDefaults(userId, names);
  }

  public void leave(String userId, String roomId) {
    memberships.leave(userId, roomId);
  }

  public Room setModeratorsPin(String actorId, String roomId, boolean moderatorsOnly) {
    return settings.setModeratorsPin(actorId, roomId, moderatorsOnly);
  }

  public void requireSlowModeTurn(String userId, String roomId, String clientMsgId) {
    settings.requireSlowModeTurn(userId, roomId, clientMsgId);
  }

  public Room setSlowMode(String actorId, String roomId, int seconds) {
    return settings.setSlowMode(actorId, roomId, seconds);
  }

  public Room setMode(String actorId, String roomId, RoomMode mode) {
    return settings.setMode(actorId, roomId, mode);
  }

  public void moderate(
      String actorId,
      String roomId,
      String targetId,
      Moderation action,
      java.time.Duration length,
      String reason) {
    moderation.moderate(actorId, roomId, targetId, action, length, reason);
  }

  public List<Room> roomsOf(String userId) {
    return listings.roomsOf(userId);
  }

  public List<Room> search(String prefix, int limit) {
    return listings.search(prefix, limit);
  }

  public int memberCount(String roomId) {
    return listings.memberCount(roomId);
  }

  public RoomListings.DirectoryPage directory(String prefix, int page, int size) {
    return listings.directory(prefix, page, size);
  }

  public List<String> allRoomIds() {
    return listings.allRoomIds();
  }

  public List<Room> publicRooms() {
    return listings.publicRooms();
  }

  public List<Membership> members(String roomId) {
    return memberLists.members(roomId);
  }

  public void membersChanged(String roomId) {
    memberLists.membersChanged(roomId);
  }
}
