/** People who chat: created and refreshed from the claims of their identity token. */
package io.parley.users;
