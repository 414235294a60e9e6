/**
 * Full-text search over the messages a person may read: the query language ({@link SearchQuery}),
 * the engine's port ({@link MessageIndex}, one local index per node, fed from the message stream by
 * {@link SearchIndexer} with a per-room watermark) and {@link SearchService}, which applies the
 * person's memberships at query time. No framework or engine code here.
 */
package io.parley.search;
