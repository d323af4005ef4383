package org.samannotator.cli;

import org.samannotator.core.formats.AnnotationFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format coco|yolo-seg|voc|labelme}; an unknown name is an error listing the valid ones. */
final class FormatConverter implements ITypeConverter<AnnotationFormat> {
    @Override
    public AnnotationFormat convert(String value) {
        try {
            return AnnotationFormat.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
