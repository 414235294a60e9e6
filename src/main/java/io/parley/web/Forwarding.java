package io.parley.web;

import io.parley.common.DomainException;
import io.parley.messaging.Forwarded;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.messaging.SendResult;
import io.parley.render.LiveFragments;
import io.parley.render.MessageRefs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Forwards a message to another room or conversation: the person must be able to read the message
 * and to post where it goes (the send path checks that, as for any message); the copy quotes its
 * author, room and time, and keeps where it came from in its metadata.
 */
@ApplicationScoped
public class Forwarding {

  @Inject MessageService messages;
  @Inject MessageRefs refs;
  @Inject LiveFragments live;

  void forward(Routes.Call call, long seq) throws IOException {
    String me = call.me().userId();
    String from = call.path("id");
    String to = call.req().getParameter("to");
    try {
      if (to == null || to.isBlank()) {
        throw DomainException.invalid("choose where to forward it");
      }
      Message original = messages.message(me, from, seq);
      if (original.deleted()) {
        throw DomainException.conflict("that message was deleted");
      }
      var ref = refs.of(original, me);
      String body =
          Forwarded.body(
              call.req().getParameter("comment"),
              ref.sender(),
              ref.room(),
              ref.atLabel(),
              original.body());
      SendResult sent =
          messages.post(
              me,
              Forwarded.draft(
                  to, me, body, MessageActions.changeId(call.req(), "clientMsgId"), from, seq));
      String target = "/rooms/" + to;
      if (Requests.isHtmx(call.req())) {
        Requests.html(
            call.resp(),
            200,
            live.laterNotice("Forwarded:", "open the conversation it went to", target));
      } else {
        Requests.seeOther(call.resp(), target + "#msg-" + to + "-" + sent.message().seq());
      }
    } catch (DomainException e) {
      LaterActions.refuse(call, e);
    }
  }
}
