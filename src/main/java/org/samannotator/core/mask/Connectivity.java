package org.samannotator.core.mask;

/** Pixel adjacency: FOUR = edge neighbours only, EIGHT = edge and diagonal (corner) neighbours. */
public enum Connectivity {
    FOUR,
    EIGHT
}
