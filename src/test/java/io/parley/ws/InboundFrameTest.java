package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import org.junit.jupiter.api.Test;

class InboundFrameTest {

  @Test
  void readsTheJsonHtmxSendsForTheComposerForm() {
    InboundFrame f =
        InboundFrame.parse(
            "{\"type\":\"send\",\"roomId\":\"r1\",\"body\":\"hi\",\"clientMsgId\":\"c1\","
                + "\"HEADERS\":{\"HX-Request\":\"true\",\"HX-Trigger\":\"composer\"}}");
    assertEquals("send", f.type());
    assertEquals("r1", f.roomId());
    assertEquals("hi", f.body());
    assertEquals("c1", f.clientMsgId());
    assertNull(f.afterSeq());
  }

  @Test
  void readsAfterSeqAsNumberOrString() {
    assertEquals(42L, InboundFrame.parse("{\"type\":\"resume\",\"afterSeq\":42}").afterSeq());
    assertEquals(42L, InboundFrame.parse("{\"type\":\"resume\",\"afterSeq\":\"42\"}").afterSeq());
    assertNull(InboundFrame.parse("{\"type\":\"resume\",\"afterSeq\":\"\"}").afterSeq());
    assertNull(InboundFrame.parse("{\"type\":\"resume\",\"afterSeq\":null}").afterSeq());
  }

  @Test
  void refusesAnythingElseWithAReason() {
    String[][] cases = {
      {"not json", "malformed frame: not JSON"},
      {"[1]", "a frame must be a JSON object"},
      {"{}", "frame has no type"},
      {"{\"type\":1}", "type must be a string"},
      {"{\"type\":\"send\",\"roomId\":{\"$gt\":\"\"}}", "roomId must be a string"},
      {"{\"type\":\"resume\",\"afterSeq\":1.5}", "afterSeq must be a whole number"},
      {"{\"type\":\"resume\",\"afterSeq\":\"x\"}", "afterSeq must be a whole number"},
      {"{\"type\":\"resume\",\"afterSeq\":true}", "afterSeq must be a whole number"},
    };
    for (String[] c : cases) {
      assertEquals(
          c[1],
          assertThrows(DomainException.class, () -> InboundFrame.parse(c[0])).getMessage(),
          c[0]);
    }
  }
}
