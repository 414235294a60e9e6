package io.parley.messaging;

import java.io.Serializable;

/**
 * A file attached to a message: stored apart (by {@code fileId}), with a server-made thumbnail when
 * it is an image ({@code thumbnailId} null otherwise; width and height are the thumbnail's).
 */
public record Attachment(
    String fileId,
    String name,
    String contentType,
    long size,
    String thumbnailId,
    int width,
    int height)
    implements Serializable {

  public boolean image() {
    return thumbnailId != null;
  }
}
