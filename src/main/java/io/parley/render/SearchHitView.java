package io.parley.render;

import io.parley.search.Snippet;
import java.util.List;

/**
 * One search result as pages show it: where (room title), who, when, the snippet's parts (escaped
 * by the template, highlighted ones in {@code <mark>}) and the link that opens the room there.
 */
public record SearchHitView(
    String roomId,
    String roomTitle,
    long seq,
    String senderName,
    AvatarView avatar,
    String createdAt,
    String timeLabel,
    List<Snippet.Part> parts,
    String href,
    boolean reply) {}
