/**
 * The search engine adapter: Apache Lucene behind {@code search.MessageIndex}, one index per node
 * on its local disk. Another engine (OpenSearch, see docs/search.md) would replace this package.
 */
package io.parley.lucene;
