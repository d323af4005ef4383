package org.samannotator.gui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samannotator.core.annotation.AnnotatedObject;
import org.samannotator.core.annotation.AnnotationProject;
import org.samannotator.core.annotation.Category;
import org.samannotator.core.image.LoadedImage;
import org.samannotator.gui.tools.ToolsViewModel;

/**
 * What to paint for the accepted objects of the shown image: visible objects other than the one being
 * edited, in their category's (or instance's) colour at the overlay opacity, the selected one more opaque
 * with a white outline, the others outlined in their colour made lighter or darker for the photo under them.
 */
final class ObjectPaints {
    private final CanvasViewModel vm;
    private final ToolsViewModel tools;

    ObjectPaints(CanvasViewModel vm, ToolsViewModel tools) {
        this.vm = vm;
        this.tools = tools;
    }

    /** Everything the paints depend on (equal keys: equal paints), for an outline of {@code outline} image pixels. */
    Object key(int outline) {
        AnnotationProject project = vm.project().orElse(null);
        List<Boolean> visibility = vm.current().objects().stream().map(o -> vm.isVisible(o.id())).toList();
        return List.of(vm.current().objects(), project == null ? List.of() : project.categories(), visibility,
                String.valueOf(vm.selectedObject().orElse(null)), String.valueOf(editing()),
                tools.overlayOpacityProperty().get(), outline, tools.colourByInstanceProperty().get());
    }

    private Long editing() {
        return vm.candidate().flatMap(c -> c.targetObjectId().isPresent()
                ? Optional.of(c.targetObjectId().getAsLong()) : Optional.empty()).orElse(null);
    }

    /** The paints, in the objects' order, on {@code image} (masks of another size than the image are skipped). */
    List<MaskPaint> paints(LoadedImage image, int outline) {
        AnnotationProject project = vm.project().orElse(null);
        Long selected = vm.selectedObject().orElse(null);
        Long editing = editing();
        double opacity = tools.overlayOpacityProperty().get();
        boolean byInstance = tools.colourByInstanceProperty().get();
        List<MaskPaint> paints = new ArrayList<>();
        for (AnnotatedObject o : vm.current().objects()) {
            if (!vm.isVisible(o.id()) || Long.valueOf(o.id()).equals(editing)
                    || !o.mask().size().equals(image.originalSize())) {
                continue;
            }
            int rgb = byInstance ? ObjectColours.instanceRgb(o.id()) : project == null ? 0x808080
                    : project.category(o.categoryId()).map(Category::rgb).orElse(0x808080);
            boolean isSelected = Long.valueOf(o.id()).equals(selected);
            double luma = ObjectColours.meanLuma(image.image(), image.subsampling(), o.mask());
            int outlineRgb = ObjectColours.outlineRgb(rgb, luma);
            paints.add(new MaskPaint(o.mask(), MaskLayer.argb(rgb, isSelected ? Math.min(1, opacity + 0.25) : opacity),
                    isSelected ? 0xFFFFFFFF : MaskLayer.argb(outlineRgb, 1), outline));
        }
        return paints;
    }
}
