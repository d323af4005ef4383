package org.samannotator.core.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows the boundary "cracks" between foreground and background pixels of a {@link BitMask}. Vertices
 * are pixel corners (integer coordinates 0..width, 0..height). Every boundary edge is walked with the
 * foreground on its right-hand side (x right, y down), so outer boundaries come out clockwise on screen
 * (positive signed area) and hole boundaries counter-clockwise (negative). Only corners where the direction
 * changes are emitted. At a saddle corner (two foreground pixels touching only diagonally) the walk turns
 * left to keep them in one loop for {@link Connectivity#EIGHT}, right to separate them for FOUR.
 */
final class ContourTracer {
    private static final int EAST = 0;
    private static final int SOUTH = 1;
    private static final int WEST = 2;
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private final BitMask mask;
    private final int width;
    private final int height;
    private final boolean turnLeftAtSaddles;
    private final long[] visitedHorizontalEdges;

    /**
     * One closed boundary loop.
     *
     * @param xy               flat corner coordinates x1,y1,x2,y2,...
     * @param twiceSignedArea  2 x shoelace area (positive = outer boundary)
     * @param pixelX           x of a foreground pixel adjacent to the loop
     * @param pixelY           y of that pixel
     */
    record Loop(int[] xy, long twiceSignedArea, int pixelX, int pixelY) {
    }

    private ContourTracer(BitMask mask, Connectivity foreground) {
        this.mask = mask;
        this.width = mask.width();
        this.height = mask.height();
        this.turnLeftAtSaddles = foreground == Connectivity.EIGHT;
        this.visitedHorizontalEdges = new long[(int) (((long) (height + 1) * width + 63) >>> 6)];
    }

    /** All boundary loops of the mask, in raster order of their first horizontal edge. */
    static List<Loop> trace(BitMask mask, Connectivity foreground) {
        return new ContourTracer(mask, foreground).traceAll();
    }

    private List<Loop> traceAll() {
        List<Loop> loops = new ArrayList<>();
        for (int vy = 0; vy <= height; vy++) {
            for (int vx = 0; vx < width; vx++) {
                boolean above = foreground(vx, vy - 1);
                boolean below = foreground(vx, vy);
                if (above == below || isVisited(vx, vy)) {
                    continue;
                }
                loops.add(below ? traceLoop(vx, vy, EAST, vx, vy) : traceLoop(vx + 1, vy, WEST, vx, vy - 1));
            }
        }
        return loops;
    }

    private Loop traceLoop(int startX, int startY, int startDirection, int pixelX, int pixelY) {
        int[] xy = new int[16];
        int n = 0;
        int x = startX;
        int y = startY;
        int d = startDirection;
        do {
            markVisited(x, y, d);
            x += DX[d];
            y += DY[d];
            int next = nextDirection(x, y, d);
            if (next != d) {
                if (n + 2 > xy.length) {
                    xy = Arrays.copyOf(xy, xy.length * 2);
                }
                xy[n++] = x;
                xy[n++] = y;
            }
            d = next;
        } while (x != startX || y != startY || d != startDirection);
        int[] corners = startAtStartCorner(Arrays.copyOf(xy, n), startX, startY);
        return new Loop(corners, twiceSignedArea(corners), pixelX, pixelY);
    }

    /** The start corner, when it is a corner, is emitted last; move it to the front. */
    private static int[] startAtStartCorner(int[] xy, int startX, int startY) {
        int n = xy.length;
        if (n < 2 || xy[n - 2] != startX || xy[n - 1] != startY) {
            return xy;
        }
        int[] rotated = new int[n];
        rotated[0] = startX;
        rotated[1] = startY;
        System.arraycopy(xy, 0, rotated, 2, n - 2);
        return rotated;
    }

    private int nextDirection(int vx, int vy, int incoming) {
        int preferred = turnLeftAtSaddles ? (incoming + 3) & 3 : (incoming + 1) & 3;
        int other = turnLeftAtSaddles ? (incoming + 1) & 3 : (incoming + 3) & 3;
        if (hasBoundaryEdge(vx, vy, preferred)) {
            return preferred;
        }
        if (hasBoundaryEdge(vx, vy, incoming)) {
            return incoming;
        }
        if (hasBoundaryEdge(vx, vy, other)) {
            return other;
        }
        throw new IllegalStateException("contour broken at corner (" + vx + ", " + vy + ")");
    }

    /** Whether a boundary edge with foreground on its right leaves corner (vx, vy) in direction d. */
    private boolean hasBoundaryEdge(int vx, int vy, int d) {
        return switch (d) {
            case EAST -> foreground(vx, vy) && !foreground(vx, vy - 1);
            case SOUTH -> foreground(vx - 1, vy) && !foreground(vx, vy);
            case WEST -> foreground(vx - 1, vy - 1) && !foreground(vx - 1, vy);
            default -> foreground(vx, vy - 1) && !foreground(vx - 1, vy - 1);
        };
    }

    private boolean foreground(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && mask.get(x, y);
    }

    private void markVisited(int vx, int vy, int d) {
        if (d == EAST || d == WEST) {
            long id = (long) vy * width + (d == EAST ? vx : vx - 1);
            visitedHorizontalEdges[(int) (id >>> 6)] |= 1L << id;
        }
    }

    /** Whether the horizontal edge from corner (vx, vy) to (vx + 1, vy) has been walked. */
    private boolean isVisited(int vx, int vy) {
        long id = (long) vy * width + vx;
        return (visitedHorizontalEdges[(int) (id >>> 6)] & (1L << id)) != 0;
    }

    private static long twiceSignedArea(int[] xy) {
        long twice = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += (long) xy[2 * i] * xy[2 * j + 1] - (long) xy[2 * j] * xy[2 * i + 1];
        }
        return twice;
    }
}
