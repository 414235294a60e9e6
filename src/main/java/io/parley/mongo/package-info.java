/**
 * MongoDB adapter: the stores of the domain on mongodb-driver-sync, and the embedded default store.
 */
package io.parley.mongo;
