/** The SMTP adapter: digests sent through Jakarta Mail (Liberty's mail-2.1 feature). */
package io.parley.mail;
