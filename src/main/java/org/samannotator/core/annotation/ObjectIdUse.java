package org.samannotator.core.annotation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the objects of a project use their ids: the largest id (0 when there are no objects) and the ids used
 * more than once. Unread images give their ids from the opening scan ({@link EntryKeys}), without being read.
 * Opening a 10,000 x 20 project checks 200,000 ids in cold code, so the ids are marked in a bit set over
 * their range when that range is dense (the app hands ids out in order), and sorted only when it is not.
 */
record ObjectIdUse(long max, Set<Long> duplicated) {
    /** Bits per id beyond which the range is sorted instead. */
    private static final long DENSE = 8;

    static ObjectIdUse of(List<ImageAnnotations> images) {
        long[] ids = objectIds(images);
        if (ids.length == 0) {
            return new ObjectIdUse(0, Set.of());
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        long range = max - min;
        if (range >= 0 && range < DENSE * ids.length + 1024) {
            return new ObjectIdUse(max, duplicatesInRange(ids, min, (int) range + 1));
        }
        Arrays.sort(ids);
        Set<Long> duplicated = new HashSet<>();
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                duplicated.add(ids[i]);
            }
        }
        return new ObjectIdUse(max, duplicated);
    }

    private static Set<Long> duplicatesInRange(long[] ids, long min, int range) {
        BitSet seen = new BitSet(range);
        Set<Long> duplicated = new HashSet<>();
        for (long id : ids) {
            int bit = (int) (id - min);
            if (seen.get(bit)) {
                duplicated.add(id);
            } else {
                seen.set(bit);
            }
        }
        return duplicated;
    }

    private static long[] objectIds(List<ImageAnnotations> images) {
        long[] ids = new long[1024];
        int count = 0;
        for (ImageAnnotations image : images) {
            Optional<EntryKeys> keys = image.objects() instanceof EntryList<AnnotatedObject> list
                    ? list.unreadKeys().filter(EntryKeys::complete) : Optional.empty();
            long[] those = keys.isPresent() ? keys.get().ids()
                    : image.objects().stream().mapToLong(AnnotatedObject::id).toArray();
            if (count + those.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, count + those.length));
            }
            System.arraycopy(those, 0, ids, count, those.length);
            count += those.length;
        }
        return Arrays.copyOf(ids, count);
    }
}
