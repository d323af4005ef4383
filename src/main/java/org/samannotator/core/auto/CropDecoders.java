package org.samannotator.core.auto;

/** Gives the generator a {@link PointDecoder} for each crop (layer 0: the whole image). */
@FunctionalInterface
public interface CropDecoders {
    /** A decoder for the crop; for a crop beyond layer 0 this usually encodes the cropped image first. */
    PointDecoder open(CropBox crop);
}
