package org.samannotator.gui.folder;

import org.samannotator.core.annotation.ImageStatus;

/** One line of the folder panel: file name (relative to the folder), status and number of objects. */
public record ImageRow(String fileName, ImageStatus status, int objectCount) {
}
