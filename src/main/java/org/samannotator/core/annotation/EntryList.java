package org.samannotator.core.annotation;

import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;

/**
 * The objects or the suggestions of an {@link ImageEntryText}, read on first access ({@link #get}, {@link
 * #size}, iteration). What the opening scan found without reading them ({@link EntryKeys}: how many, their
 * ids, categories and mask sizes) is available without reading. Unmodifiable, like {@link List#copyOf}.
 */
final class EntryList<T> extends AbstractList<T> implements RandomAccess {
    private final ImageEntryText entry;
    private final Function<ImageEntryText.Contents, List<T>> part;
    private final EntryKeys keys;

    EntryList(ImageEntryText entry, Function<ImageEntryText.Contents, List<T>> part, EntryKeys keys) {
        this.entry = entry;
        this.part = part;
        this.keys = keys;
    }

    @Override
    public T get(int index) {
        return part.apply(entry.contents()).get(index);
    }

    @Override
    public int size() {
        return part.apply(entry.contents()).size();
    }

    ImageEntryText entry() {
        return entry;
    }

    /** The scan's keys while the entry is unread; empty once read (the list itself is then exact). */
    Optional<EntryKeys> unreadKeys() {
        return entry.isRead() ? Optional.empty() : Optional.of(keys);
    }

    /** {@code list} itself when it is an entry's list (kept unread), else an unmodifiable copy. */
    static <T> List<T> keepOrCopy(List<T> list) {
        return list instanceof EntryList<T> ? list : List.copyOf(list);
    }

    /** The number of elements, without reading an unread entry (the scan's count). */
    static int countWithoutReading(List<?> list) {
        if (list instanceof EntryList<?> lazy) {
            return lazy.unreadKeys().map(EntryKeys::count).orElseGet(lazy::size);
        }
        return list.size();
    }

    /** The elements' ids, without reading an unread entry. */
    static <T> LongStream idsWithoutReading(List<T> list, ToLongFunction<T> id) {
        if (list instanceof EntryList<T> lazy) {
            Optional<EntryKeys> keys = lazy.unreadKeys();
            if (keys.isPresent() && keys.get().complete()) {
                return LongStream.of(keys.get().ids());
            }
        }
        return list.stream().mapToLong(id);
    }

    /** The read problem of an image whose entry was read already (reads nothing). */
    static Optional<String> problemIfRead(ImageAnnotations image) {
        for (List<?> list : List.of(image.objects(), image.suggestions())) {
            if (list instanceof EntryList<?> lazy && lazy.entry.isRead() && lazy.entry.contents().problem().isPresent()) {
                return lazy.entry.contents().problem();
            }
        }
        return Optional.empty();
    }

    /** The read problem of the entry behind {@code list} (reading it), if any. */
    static Optional<String> problem(List<?> list) {
        return list instanceof EntryList<?> lazy ? lazy.entry.contents().problem() : Optional.empty();
    }
}
