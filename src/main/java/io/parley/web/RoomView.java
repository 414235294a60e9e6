package io.parley.web;

/** A room as the sidebar and room header show it. */
public record RoomView(String id, String title, String type, long unread, boolean direct) {}
