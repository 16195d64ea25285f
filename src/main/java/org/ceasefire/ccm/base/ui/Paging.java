package org.ceasefire.ccm.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Serves a lazy grid's {@code offset/limit} requests from services that answer in pages ({@code page, size}). A grid
 * asks for ranges aligned to its page size, but not always of one page, and "everything" arrives as a limit of
 * {@link Integer#MAX_VALUE}: pages are chosen to fit the range exactly and never larger than the services allow.
 */
public final class Paging {

    /** The largest page the services hand out. */
    public static final int MAX_PAGE = 500;

    private Paging() {}

    /**
     * @param fetch gets one page: {@code (page, size) -> items}; a page shorter than {@code size} is the last
     */
    public static <T> Stream<T> fetch(int offset, int limit, BiFunction<Integer, Integer, List<T>> fetch) {
        if (limit <= 0) {
            return Stream.empty();
        }
        var size = Math.min(limit, MAX_PAGE);
        if (offset % size != 0) {
            size = gcd(offset, size);
        }
        var result = new ArrayList<T>();
        var page = offset / size;
        while (result.size() < limit) {
            var items = fetch.apply(page++, size);
            result.addAll(items);
            if (items.size() < size) {
                break;
            }
        }
        return (result.size() > limit ? result.subList(0, limit) : result).stream();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
