package com.tpwallet.walletdesk.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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

	public <R> CursorPage<R> map(Function<T, R> mapper) {
		return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
	}
}
