/**
 * Files people attach to messages: stored apart from the message (GridFS), with a server-made
 * thumbnail for images, readable only by those who may read the message's room.
 */
package io.parley.files;
