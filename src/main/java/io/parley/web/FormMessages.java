package io.parley.web;

import io.parley.common.DomainException;
import io.parley.files.FileService;
import io.parley.files.FileTooLargeException;
import io.parley.integrations.SlashCommands;
import io.parley.messaging.Attachment;
import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import io.parley.messaging.SendResult;
import io.parley.messaging.ThreadSummary;
import io.parley.metrics.ChatMetrics;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import io.parley.security.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Messages posted by plain forms (scripts off, or files attached), with their files. */
@ApplicationScoped
class FormMessages {

  @Inject MessageService messages;
  @Inject FileService files;
  @Inject ReceiptStore receipts;
  @Inject ChatMetrics metrics;
  @Inject SlashCommands commands;

  /**
   * Posts the form's message (a reply when {@code parentSeq} > 0) with the files it carries; files
   * stored for a post that is refused, or that was posted already, are removed again. A command
   * typed in the room's composer (no files) runs instead: its answer for the author is returned
   * (null when a message was posted).
   */
  String post(SignedIn me, String roomId, long parentSeq, HttpServletRequest req)
      throws IOException, ServletException {
    List<Attachment> attached = uploads(me, roomId, req);
    String typed = req.getParameter("body");
    SlashCommands.Outcome command =
        attached.isEmpty() && parentSeq == 0 ? commands.run(me.userId(), roomId, typed) : null;
    if (command instanceof SlashCommands.Notice notice) {
      return notice.text();
    }
    if (command instanceof SlashCommands.Pending pending) {
      return pending.answer().join().text(); // the call gives up after its own 3 s
    }
    String body = command instanceof SlashCommands.Post post ? post.body() : typed;
    try {
      SendResult result =
          metrics.posting(
              ChatMetrics.Via.FORM,
              roomId,
              () ->
                  messages.post(
                      me.userId(),
                      NewMessage.withFiles(
                              roomId,
                              me.userId(),
                              body,
                              MessageActions.changeId(req, "clientMsgId"),
                              Map.of(),
                              attached)
                          .replyingTo(parentSeq, "true".equals(req.getParameter("alsoInRoom")))));
      if (result.duplicate()) {
        files.discard(attached);
      }
      if (parentSeq > 0) {
        long seq = result.message().seq(); // your own reply is nothing new to you
        receipts.raise(
            me.userId(), ThreadSummary.readKey(roomId, parentSeq), new Watermark(seq, seq));
      }
      return null;
    } catch (RuntimeException e) {
      files.discard(attached);
      throw e;
    }
  }

  /** The files of a multipart form, each streamed into the file store. */
  private List<Attachment> uploads(SignedIn me, String roomId, HttpServletRequest req)
      throws IOException, ServletException {
    if (!String.valueOf(req.getContentType()).startsWith("multipart/")) {
      return List.of();
    }
    List<Attachment> attached = new ArrayList<>();
    try {
      for (Part part : req.getParts()) {
        String name = part.getSubmittedFileName();
        if (!"files".equals(part.getName()) || name == null || name.isBlank()) {
          continue;
        }
        if (attached.size() >= NewMessage.MAX_FILES) {
          throw DomainException.invalid(
              "a message carries at most " + NewMessage.MAX_FILES + " files");
        }
        if (part.getSize() > files.maxBytes()) {
          throw new FileTooLargeException(files.maxBytes());
        }
        try (InputStream in = part.getInputStream()) {
          attached.add(
              files.upload(me.userId(), roomId, name, part.getContentType(), in).attachment());
        }
      }
    } catch (RuntimeException e) {
      files.discard(attached);
      throw e;
    }
    return attached;
  }
}
