package io.parley.receipts;

import io.parley.common.Broadcast;
import java.util.List;

/**
 * Watermark changes, one batch per node per second. The marks are stored anyway, so a lost batch
 * only means a "Seen by" line or badge that catches up with the next one.
 */
public interface ReceiptEvents extends Broadcast<List<ReceiptChange>> {}
