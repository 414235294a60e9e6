/**
 * Integrations: other systems post into rooms through incoming webhooks (a secret URL per hook,
 * posting as the hook's own bot account, a member of its room that obeys the room's rules). Domain
 * code only: the store is a port, the HTTP receiver an adapter in {@code web}.
 */
package io.parley.integrations;
