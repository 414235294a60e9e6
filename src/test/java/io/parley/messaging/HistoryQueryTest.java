package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

  @Test
  void latestIsFiftyOfTheNewest() {
    HistoryQuery q = HistoryQuery.latest();
    assertEquals(50, q.limit());
    assertEquals(null, q.before());
  }

  @Test
  void refusesContradictoryOrOutOfRangeQueries() {
    assertThrows(DomainException.class, () -> new HistoryQuery(5L, 1L, 10));
    assertThrows(DomainException.class, () -> new HistoryQuery(0L, null, 10));
    assertThrows(DomainException.class, () -> new HistoryQuery(null, -1L, 10));
    assertThrows(DomainException.class, () -> new HistoryQuery(null, null, 0));
    assertThrows(DomainException.class, () -> new HistoryQuery(null, null, 201));
  }

  @Test
  void pageKnowsItsEnds() {
    assertEquals(0, new MessagePage(List.of(), false).oldestSeq());
    assertEquals(0, new MessagePage(List.of(), false).newestSeq());
  }
}
