package com.tpwallet.walletdesk.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a list, newest first, with an opaque cursor for the next page ({@code null}
 * at the end).
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

	/**
	 * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that
	 * there is more.
	 */
	public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, String> position) {
		if (fetched.size() <= limit) {
			return new CursorPage<>(fetched, null);
		}
		List<T> page = fetched.subList(0, limit);
		return new CursorPage<>(List.copyOf(page), encode(position.apply(page.get(limit - 1))));
	}

	public static String encode(String position) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor stands for; a cursor that was not made here is refused. */
	public static String decode(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.badRequest("invalid_cursor");
		}
	}

	/**
	 * A row's place in a list ordered by time and then id, newest first: what most of the
	 * service's cursors stand for.
	 */
	public record TimeAndId(Instant at, UUID id) {

		/** The row a cursor names; a cursor that was not made here is refused. */
		public static TimeAndId of(String cursor) {
			String[] parts = decode(cursor).split("\\|", 2);
			try {
				return new TimeAndId(Instant.parse(parts[0]), UUID.fromString(parts[1]));
			}
			catch (RuntimeException unreadable) {
				throw Refusal.badRequest("invalid_cursor");
			}
		}

		/** The position to pass to {@link CursorPage#of}. */
		public static String position(Instant at, UUID id) {
			return at + "|" + id;
		}

	}

	public <R> CursorPage<R> map(Function<T, R> mapper) {
		return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
	}
}
