package org.samannotator.core.segment;

import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.mask.BitMask;

/** An object an {@link ObjectProposer} found: its mask (original size), the point that produced it and its scores. */
public record ProposedObject(BitMask mask, ImagePoint point, double predictedIou, double stabilityScore) {
}
