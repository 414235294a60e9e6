/** Read watermarks: the last seq each user has read in each room, and unread counts from them. */
package io.parley.receipts;
