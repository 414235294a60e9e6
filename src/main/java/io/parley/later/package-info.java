/**
 * What a person keeps for later: messages they saved, reminders about a message, and messages
 * scheduled to send at a time. Private to the person; due work is done once cluster-wide (the store
 * decides who fires, sends are idempotent). Domain code only: stores are ports.
 */
package io.parley.later;
