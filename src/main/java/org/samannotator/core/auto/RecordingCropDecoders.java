package org.samannotator.core.auto;

import java.util.ArrayList;
import java.util.List;
import org.samannotator.core.geometry.ImagePoint;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.sam.MultimaskOutput;

/**
 * Records every decoder answer of one generation so that a second generation with other filter settings
 * (same grid, same crops, not adaptive) can be replayed without running the decoder again. Used to compare
 * the stability-score paths on identical decoder outputs. Holds all low-res logits in memory
 * (3 x 256 KiB per prompt), so it is meant for evaluation runs, not production.
 */
public final class RecordingCropDecoders implements CropDecoders {
    private final CropDecoders real;
    private final List<Size> frames = new ArrayList<>();
    private final List<List<MultimaskOutput>> answers = new ArrayList<>();

    public RecordingCropDecoders(CropDecoders real) {
        this.real = real;
    }

    @Override
    public PointDecoder open(CropBox crop) {
        PointDecoder decoder = real.open(crop);
        List<MultimaskOutput> recorded = new ArrayList<>();
        frames.add(decoder.frame());
        answers.add(recorded);
        return new PointDecoder() {
            @Override
            public Size frame() {
                return decoder.frame();
            }

            @Override
            public List<MultimaskOutput> decode(List<ImagePoint> pointsInCrop) {
                List<MultimaskOutput> out = decoder.decode(pointsInCrop);
                recorded.addAll(out);
                return out;
            }

            @Override
            public void close() {
                decoder.close();
            }
        };
    }

    /** Decoders that give back the recorded answers, crop by crop, in the order they were recorded. */
    public CropDecoders replay() {
        int[] nextCrop = {0};
        return crop -> {
            int index = nextCrop[0]++;
            List<MultimaskOutput> recorded = answers.get(index);
            int[] next = {0};
            return new PointDecoder() {
                @Override
                public Size frame() {
                    return frames.get(index);
                }

                @Override
                public List<MultimaskOutput> decode(List<ImagePoint> pointsInCrop) {
                    List<MultimaskOutput> out = recorded.subList(next[0], next[0] + pointsInCrop.size());
                    next[0] += pointsInCrop.size();
                    return out;
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        };
    }
}
