package org.samannotator.core.auto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.samannotator.core.image.ImageLoader;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.sam.ImageEmbedding;
import org.samannotator.core.sam.SamPredictor;

/**
 * The per-image step of the automatic pass, shared by the {@code auto} command and the Spark job so that both
 * write the same bytes: load the image, embed it (through {@link CachedEmbeddings}), run the
 * {@link AutomaticMaskGenerator}, and serialise the SA-1B JSON ({@link Sa1bImage#toJsonBytes()}). Also the names
 * both use: the output file of an image and the text of the {@code .auto-settings} file that records the model
 * and settings of an output folder.
 */
public final class AutoImagePass {
    /** The file in an output folder holding {@link #settingsText}; outputs older than it are redone. */
    public static final String SETTINGS_FILE = ".auto-settings";

    private final SamPredictor predictor;
    private final AmgSettings settings;
    private final AutomaticMaskGenerator generator;
    private final CachedEmbeddings embeddings;

    /** One image's result: the {@code image} record of its JSON and the generated masks. */
    public record Sa1bImage(Sa1bJson.ImageInfo info, AmgResult result) {
        /** The SA-1B JSON file's exact bytes. */
        public byte[] toJsonBytes() throws IOException {
            return Sa1bJson.toBytes(info, result.masks());
        }
    }

    public AutoImagePass(SamPredictor predictor, AmgSettings settings, CachedEmbeddings embeddings) {
        this.predictor = predictor;
        this.settings = settings;
        this.generator = new AutomaticMaskGenerator(settings);
        this.embeddings = embeddings;
    }

    /** The content of {@link #SETTINGS_FILE} for this model and these settings (without the final newline). */
    public static String settingsText(String modelId, AmgSettings settings) {
        return "model " + modelId + "\n" + settings.fingerprint();
    }

    public String settingsText() {
        return settingsText(predictor.modelId(), settings);
    }

    /** The output file name of an image: {@code NAME.json}, the image's name minus its extension. */
    public static String outputName(String imageFileName) {
        int dot = imageFileName.lastIndexOf('.');
        return (dot > 0 ? imageFileName.substring(0, dot) : imageFileName) + ".json";
    }

    /**
     * Generates the masks of one image.
     *
     * @param imageFile the pixels (a local file; may be a copy of a remote image)
     * @param fileName  the image's name as written into the JSON ({@code file_name})
     * @param imageId   the JSON's {@code image_id}: the image's 1-based position in the run's sorted list
     * @throws IOException when the image cannot be read (the message names the file and the reason)
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true between batches
     */
    public Sa1bImage generate(Path imageFile, String fileName, long imageId, AmgProgress progress,
            BooleanSupplier cancelled) throws IOException {
        RgbImage rgb = ImageLoader.load(imageFile);
        CachedEmbeddings.Whole whole = embeddings.whole(imageFile, rgb);
        AmgResult result;
        try (ImageEmbedding embedding = whole.embedding()) {
            SamCropDecoders decoders = new SamCropDecoders(predictor, embedding, embeddings.crops(imageFile, rgb),
                    settings.pointsPerBatch());
            result = generator.generate(decoders, rgb.size(), progress, cancelled);
        }
        return new Sa1bImage(new Sa1bJson.ImageInfo(imageId, rgb.width(), rgb.height(), fileName), result);
    }
}
