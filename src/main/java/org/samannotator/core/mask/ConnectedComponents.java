package org.samannotator.core.mask;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.samannotator.core.geometry.Size;

/**
 * Connected components of the pixels of one value ({@code true} = foreground, {@code false} = background)
 * of a {@link BitMask}. Works on horizontal runs with union-find, so memory is proportional to the number
 * of runs, not pixels. Components are numbered 0..count()-1 in raster order of their first pixel
 * (top-to-bottom, then left-to-right). Immutable snapshot: later changes to the mask are not reflected.
 */
public final class ConnectedComponents {
    private final Size frame;
    private final RunTable runs;
    private final int[] componentOfRun;
    private final long[] areas;
    private final int[][] bounds; // per component: minX, minY, maxX, maxY (inclusive)

    private ConnectedComponents(Size frame, RunTable runs, int[] componentOfRun, int count) {
        this.frame = frame;
        this.runs = runs;
        this.componentOfRun = componentOfRun;
        this.areas = new long[count];
        this.bounds = new int[count][];
        for (int r = 0; r < runs.count; r++) {
            int c = componentOfRun[r];
            areas[c] += runs.x1[r] - runs.x0[r];
            int[] b = bounds[c];
            if (b == null) {
                bounds[c] = new int[] {runs.x0[r], runs.y[r], runs.x1[r] - 1, runs.y[r]};
            } else {
                b[0] = Math.min(b[0], runs.x0[r]);
                b[2] = Math.max(b[2], runs.x1[r] - 1);
                b[3] = runs.y[r];
            }
        }
    }

    /** Finds the components formed by the pixels equal to {@code value}. */
    public static ConnectedComponents find(BitMask mask, boolean value, Connectivity connectivity) {
        RunTable runs = RunTable.of(mask, value);
        UnionFind sets = new UnionFind(runs.count);
        int reach = connectivity == Connectivity.EIGHT ? 1 : 0;
        for (int y = 1; y < mask.height(); y++) {
            unionOverlappingRuns(runs, sets, y, reach);
        }
        int[] componentOfRun = new int[runs.count];
        int[] componentOfRoot = new int[runs.count];
        Arrays.fill(componentOfRoot, -1);
        int count = 0;
        for (int r = 0; r < runs.count; r++) {
            int root = sets.find(r);
            if (componentOfRoot[root] < 0) {
                componentOfRoot[root] = count++;
            }
            componentOfRun[r] = componentOfRoot[root];
        }
        return new ConnectedComponents(mask.size(), runs, componentOfRun, count);
    }

    private static void unionOverlappingRuns(RunTable runs, UnionFind sets, int y, int reach) {
        int a = runs.rowStart[y - 1];
        int aEnd = runs.rowStart[y];
        for (int b = runs.rowStart[y]; b < runs.rowStart[y + 1]; b++) {
            while (a < aEnd && runs.x1[a] + reach <= runs.x0[b]) {
                a++;
            }
            for (int k = a; k < aEnd && runs.x0[k] < runs.x1[b] + reach; k++) {
                sets.union(k, b);
            }
        }
    }

    public int count() {
        return areas.length;
    }

    /** Pixel count of component {@code c}. */
    public long area(int c) {
        return areas[c];
    }

    /** Tight bounding box (x, y, width, height) of component {@code c}. */
    public PixelRect bounds(int c) {
        int[] b = bounds[c];
        return new PixelRect(b[0], b[1], b[2] - b[0] + 1, b[3] - b[1] + 1);
    }

    /** Whether component {@code c} has a pixel in the first/last row or column of the mask. */
    public boolean touchesBorder(int c) {
        int[] b = bounds[c];
        return b[0] == 0 || b[1] == 0 || b[2] == frame.width() - 1 || b[3] == frame.height() - 1;
    }

    /** Component index of pixel (x, y), or -1 if that pixel does not have the searched value. */
    public int componentAt(int x, int y) {
        if (x < 0 || y < 0 || x >= frame.width() || y >= frame.height()) {
            return -1;
        }
        int lo = runs.rowStart[y];
        int hi = runs.rowStart[y + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.x1[mid] <= x) {
                lo = mid + 1;
            } else if (runs.x0[mid] > x) {
                hi = mid - 1;
            } else {
                return componentOfRun[mid];
            }
        }
        return -1;
    }

    /** Sets every pixel of component {@code c} in {@code target} (same size as the source mask) to {@code value}. */
    public void paint(int c, BitMask target, boolean value) {
        paintWhere(component -> component == c, target, value);
    }

    /**
     * Sets every pixel of every component accepted by {@code selected} in {@code target} (same size as the
     * source mask) to {@code value}, in one pass over the runs.
     */
    public void paintWhere(IntPredicate selected, BitMask target, boolean value) {
        if (!target.size().equals(frame)) {
            throw new IllegalArgumentException("target mask is " + target.size() + ", components were found in "
                    + frame);
        }
        for (int r = 0; r < runs.count; r++) {
            if (selected.test(componentOfRun[r])) {
                target.setRun(runs.y[r], runs.x0[r], runs.x1[r], value);
            }
        }
    }

    /** Horizontal runs [x0, x1) of equal-valued pixels, sorted by row then x; rowStart has height+1 entries. */
    private static final class RunTable {
        int count;
        int[] y = new int[64];
        int[] x0 = new int[64];
        int[] x1 = new int[64];
        int[] rowStart;

        static RunTable of(BitMask mask, boolean value) {
            RunTable table = new RunTable();
            int w = mask.width();
            table.rowStart = new int[mask.height() + 1];
            for (int row = 0; row < mask.height(); row++) {
                table.rowStart[row] = table.count;
                int x = 0;
                while (x < w) {
                    while (x < w && mask.get(x, row) != value) {
                        x++;
                    }
                    int start = x;
                    while (x < w && mask.get(x, row) == value) {
                        x++;
                    }
                    if (x > start) {
                        table.add(row, start, x);
                    }
                }
            }
            table.rowStart[mask.height()] = table.count;
            return table;
        }

        private void add(int row, int start, int end) {
            if (count == y.length) {
                y = Arrays.copyOf(y, count * 2);
                x0 = Arrays.copyOf(x0, count * 2);
                x1 = Arrays.copyOf(x1, count * 2);
            }
            y[count] = row;
            x0[count] = start;
            x1[count] = end;
            count++;
        }
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
