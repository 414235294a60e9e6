package io.parley.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reverse proxies whose {@code X-Forwarded-Proto} and {@code X-Forwarded-For} headers count:
 * addresses or CIDR blocks (e.g. {@code 127.0.0.1}, {@code 10.0.0.0/8}). From anyone else those
 * headers are ignored, so a client cannot claim HTTPS or another address by sending them.
 */
public final class TrustedProxies {

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private record Block(byte[] network, int bits) {}

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  /** Parses literal addresses and CIDR blocks; a malformed entry stops start-up. */
  public static TrustedProxies of(Set<String> entries) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : entries) {
      String[] parts = entry.strip().split("/", 2);
      byte[] address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
      }
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
      blocks.add(new Block(address, bits));
    }
    return new TrustedProxies(List.copyOf(blocks));
  }

  /** Whether the peer that sent the request is a trusted proxy. */
  public boolean trusts(String remoteAddress) {
    byte[] address = remoteAddress == null ? null : literal(remoteAddress);
    return address != null && blocks.stream().anyMatch(b -> contains(b, address));
  }

  /**
   * The client's address: behind a trusted proxy the last hop it appended to {@code
   * X-Forwarded-For}, else the socket's peer.
   */
  public String clientAddress(String remoteAddress, String forwardedFor) {
    if (forwardedFor != null && !forwardedFor.isBlank() && trusts(remoteAddress)) {
      String[] hops = forwardedFor.split(",");
      return hops[hops.length - 1].strip();
    }
    return remoteAddress;
  }

  /** Whether the browser used HTTPS: directly, or as a trusted TLS-ending proxy says. */
  public boolean secure(boolean direct, String remoteAddress, String forwardedProto) {
    return direct || ("https".equalsIgnoreCase(forwardedProto) && trusts(remoteAddress));
  }

  private static boolean contains(Block block, byte[] address) {
    if (address.length != block.network().length) {
      return false;
    }
    int full = block.bits() / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != block.network()[i]) {
        return false;
      }
    }
    int rest = block.bits() % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xff << (8 - rest) & 0xff;
    return (address[full] & mask) == (block.network()[full] & mask);
  }

  /** The bytes of a literal IPv4/IPv6 address; null for anything else (never a DNS lookup). */
  private static byte[] literal(String text) {
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean looksLiteral =
        s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9a-fA-F:.%]+"));
    if (!looksLiteral) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
