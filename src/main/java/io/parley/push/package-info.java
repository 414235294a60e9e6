/**
 * The Web Push adapter: payloads encrypted for one browser (RFC 8291, aes128gcm, with the JDK's
 * ECDH, HMAC and AES-GCM), the server identified by VAPID (RFC 8292, an ES256 JWT signed with
 * nimbus-jose-jwt), posted to the browser's push service.
 */
package io.parley.push;
