/** Errors and small value types shared by every capability of the domain core. */
package io.parley.common;
