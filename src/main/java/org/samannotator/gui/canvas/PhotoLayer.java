package org.samannotator.gui.canvas;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.core.image.RgbImage;
import org.samannotator.core.mask.PixelRect;

/**
 * The photo under the masks. An image read at full resolution is one texture, drawn as before. A huge image
 * (read as an overview of every s-th pixel, {@link LoadedImage#isReduced()}) is drawn from the overview, and
 * once the zoom shows an overview pixel larger than a screen pixel the visible part is decoded again at the
 * zoom's resolution ({@link DetailPlan}) on a background thread and drawn over the overview when it arrives
 * (the overview shows meanwhile, so zoom and pan never wait). Decoded regions are kept in a
 * {@link DetailCache} of {@value #DETAIL_BUDGET_PIXELS} pixels (about 80 MB).
 *
 * <p>The photo is redrawn only when the image, the view, the canvas size or the decoded detail changed.
 */
final class PhotoLayer {
    /** About 3 regions of 1.5 x 1.5 full-HD screens (4 bytes per pixel: 80 MB). */
    static final long DETAIL_BUDGET_PIXELS = 20_000_000L;
    private static final Color BACKGROUND = Color.web("#2b2b2b");

    private final DetailCache<WritableImage> details = new DetailCache<>(DETAIL_BUDGET_PIXELS);
    private final DetailLoader loader;
    private final Runnable repaint;
    private LoadedImage shownImage;
    private WritableImage overview;
    private PhotoState shownState;
    private int detailVersion;

    /** {@code ui} runs decode results (the FX thread); {@code repaint} is called when new detail can be shown. */
    PhotoLayer(Executor ui, Runnable repaint) {
        this.loader = new DetailLoader(ui);
        this.repaint = repaint;
    }

    /** What the photo canvas shows (the image by identity, never by pixels): redrawn only when this changes. */
    private record PhotoState(LoadedImage image, double scale, double tx, double ty, double width, double height,
            int detailVersion) {
    }

    /** Paints the background and the image for {@code view} on a canvas of {@code width x height}. */
    void paint(GraphicsContext g, LoadedImage image, Viewport view, double width, double height) {
        if (image != shownImage) {
            show(image);
        }
        PhotoState state = new PhotoState(image, view.scale(), view.tx(), view.ty(), width, height, detailVersion);
        if (state.equals(shownState)) {
            return;
        }
        shownState = state;
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        if (image == null) {
            return;
        }
        Size size = image.originalSize();
        g.setImageSmoothing(view.scale() * image.subsampling() < 1);
        // Overview pixel i shows original pixel i * s: the original width W is W / s overview pixels.
        double s = image.subsampling();
        g.drawImage(overview, 0, 0, size.width() / s, size.height() / s, view.tx(), view.ty(),
                size.width() * view.scale(), size.height() * view.scale());
        if (image.isReduced()) {
            paintDetail(g, image, view, width, height);
        }
        g.setImageSmoothing(true);
    }

    private void show(LoadedImage image) {
        shownImage = image;
        details.clear();
        loader.cancel();
        overview = image == null ? null : toFxImage(image.image());
        shownState = null;
    }

    private static WritableImage toFxImage(RgbImage pixels) {
        WritableImage fx = new WritableImage(pixels.width(), pixels.height());
        fx.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        return fx;
    }

    /** Draws the cached regions over the overview and asks for the region this view needs, if not cached. */
    private void paintDetail(GraphicsContext g, LoadedImage image, Viewport view, double width, double height) {
        Size size = image.originalSize();
        PixelRect visible = DetailPlan.visible(size, view.scale(), view.tx(), view.ty(), width, height).orElse(null);
        if (visible == null) {
            return;
        }
        Optional<DetailPlan.Request> wanted = DetailPlan.plan(size, image.subsampling(), view.scale(), view.tx(),
                view.ty(), width, height);
        if (wanted.isEmpty()) {
            return;
        }
        int subsampling = wanted.get().subsampling();
        for (DetailCache.Entry<WritableImage> e : details.drawOrder(visible)) {
            PixelRect r = e.request().region();
            double d = e.request().subsampling();
            g.setImageSmoothing(view.scale() * d < 1);
            g.drawImage(e.image(), 0, 0, r.width() / d, r.height() / d, view.toScreenX(r.x()), view.toScreenY(r.y()),
                    r.width() * view.scale(), r.height() * view.scale());
        }
        if (details.covering(visible, subsampling).isEmpty()) {
            LoadedImage requestedFor = image;
            loader.request(image.file(), wanted.get(), (request, decoded) -> {
                if (shownImage == requestedFor) {
                    details.put(request, decoded);
                    detailVersion++;
                    repaint.run();
                }
            });
        }
    }

    /** The decoded regions now cached (for tests and the canvas's status). */
    int detailRegions() {
        return details.size();
    }
}
