package io.parley.ws;

import io.parley.common.DomainException;
import io.parley.later.LaterEvents;
import io.parley.later.LaterNotice;
import io.parley.messaging.MessageService;
import io.parley.render.LiveFragments;
import io.parley.render.MessageRefs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reminders that fired and scheduled messages that could not be sent, shown on every open page of
 * their person on this node (rendered here, once, only when that person has a page open here).
 */
@ApplicationScoped
public class LaterFeed extends Feed {

  @Inject LaterEvents events;
  @Inject LiveConnections connections;
  @Inject MessageService messages;
  @Inject MessageRefs refs;
  @Inject LiveFragments fragments;

  @Override
  protected void follow() {
    on(events::subscribe, LaterNotice::userId, this::show);
  }

  void show(LaterNotice notice) {
    var pages = connections.all().stream().filter(c -> c.userId().equals(notice.userId())).toList();
    if (pages.isEmpty()) {
      return;
    }
    String html = render(notice);
    if (html != null) {
      pages.forEach(c -> c.send(html));
    }
  }

  private String render(LaterNotice notice) {
    if (notice.kind() == LaterNotice.Kind.NOT_SENT) {
      return fragments.laterNotice(
          "Not sent:", "a scheduled message could not be sent (" + notice.detail() + ")", "/later");
    }
    try {
      var m = messages.message(notice.userId(), notice.roomId(), notice.seq());
      var ref = refs.of(m, notice.userId());
      return fragments.laterNotice(
          "Reminder:",
          ref.sender() + " in " + ref.room() + ": \u201c" + ref.excerpt() + "\u201d",
          ref.url());
    } catch (DomainException e) {
      return null; // the person may no longer read it
    }
  }
}
