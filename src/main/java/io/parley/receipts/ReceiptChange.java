package io.parley.receipts;

import java.io.Serializable;

/** A member's watermark in a room went up; told to every node so pages can follow. */
public record ReceiptChange(String userId, String roomId, Watermark mark) implements Serializable {}
