package org.samannotator.core.coco;

import java.util.List;

/** A COCO file read with {@link CocoReader#readWithBoxes}: the annotations with masks, and the boxes without. */
public record CocoBoxImport(CocoDataset dataset, List<CocoBoxAnnotation> boxes) {
    public CocoBoxImport {
        boxes = List.copyOf(boxes);
    }
}
