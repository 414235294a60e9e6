package io.parley.messaging;

import java.util.List;

/** The texts messages had before they were edited: for moderators, and kept under legal holds. */
public interface EditHistory {

  /** Keeps the text a message had before an edit. */
  void keepEdit(String roomId, long seq, MessageEdit edit);

  /** The message's earlier versions, oldest first. */
  List<MessageEdit> edits(String roomId, long seq);

  /** Forgets a deleted message's earlier versions: its text is gone from the store. */
  void forgetEdits(String roomId, long seq);
}
