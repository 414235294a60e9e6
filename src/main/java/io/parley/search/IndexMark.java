package io.parley.search;

/**
 * How far the index has followed a room: every message up to {@code seq} and every change up to
 * {@code rev} is in it. Kept durably with the index, so a restarted node resumes from here.
 */
public record IndexMark(long seq, long rev) {

  public static final IndexMark NONE = new IndexMark(0, 0);

  public IndexMark withSeq(long newSeq) {
    return new IndexMark(newSeq, rev);
  }

  public IndexMark withRev(long newRev) {
    return new IndexMark(seq, newRev);
  }

  /** The stored form, {@code "seq/rev"}. */
  @Override
  public String toString() {
    return seq + "/" + rev;
  }

  public static IndexMark parse(String stored) {
    int slash = stored.indexOf('/');
    return new IndexMark(
        Long.parseLong(stored.substring(0, slash)), Long.parseLong(stored.substring(slash + 1)));
  }
}
