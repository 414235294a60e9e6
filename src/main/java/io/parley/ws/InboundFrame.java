package io.parley.ws;

import io.parley.common.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A frame from the browser: the JSON the htmx ws extension sends for a form (all values are
 * strings, plus a HEADERS object we ignore), or the resume frame of app.js.
 */
record InboundFrame(
    String type,
    String roomId,
    String body,
    String clientMsgId,
    Long afterSeq,
    Long afterRev,
    String afterAt,
    String state) {

  /** One factory: {@code Json.createReader} looks the JSON provider up again on every call. */
  private static final jakarta.json.JsonReaderFactory READERS =
      Json.createReaderFactory(java.util.Map.of());

  static InboundFrame parse(String text) {
    JsonObject json;
    try {
      JsonValue value = READERS.createReader(new StringReader(text)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw DomainException.invalid("a frame must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException | NumberFormatException e) {
      // (a number such as 1e9999999999 fails inside the parser's BigDecimal: found by fuzzing)
      throw DomainException.invalid("malformed frame: not JSON");
    }
    String type = string(json, "type");
    if (type == null) {
      throw DomainException.invalid("frame has no type");
    }
    return new InboundFrame(
        type,
        string(json, "roomId"),
        string(json, "body"),
        string(json, "clientMsgId"),
        number(json, "afterSeq"),
        number(json, "afterRev"),
        string(json, "afterAt"),
        string(json, "state"));
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw DomainException.invalid(key + " must be a string");
  }

  private static Long number(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    try {
      if (value instanceof JsonNumber n) {
        return n.longValueExact();
      }
      if (value instanceof JsonString s) {
        return s.getString().isBlank() ? null : Long.parseLong(s.getString());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // reported below
    }
    throw DomainException.invalid(key + " must be a whole number");
  }
}
