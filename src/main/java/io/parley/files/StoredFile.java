package io.parley.files;

/**
 * A stored file: the room it was shared in and who uploaded it, its name and declared type, its
 * size in bytes; {@code thumbnailOf} is set on a thumbnail (the id of its image), {@code
 * thumbnailId} (with the thumbnail's width and height) on an image that has one.
 */
public record StoredFile(
    String id,
    String roomId,
    String uploaderId,
    String name,
    String contentType,
    long size,
    String thumbnailOf,
    String thumbnailId,
    int width,
    int height) {

  /** The file as a message's attachment. */
  public io.parley.messaging.Attachment attachment() {
    return new io.parley.messaging.Attachment(
        id, name, contentType, size, thumbnailId, width, height);
  }
}
