package io.parley.receipts;

import java.io.Serializable;

/** How far one member got in one room: delivered to a device, and read. Read implies delivered. */
public record Watermark(long read, long delivered) implements Serializable {

  public Watermark {
    delivered = Math.max(read, delivered);
  }

  public Watermark raise(Watermark other) {
    return new Watermark(Math.max(read, other.read), Math.max(delivered, other.delivered));
  }
}
