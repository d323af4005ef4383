package org.samannotator.spark;

import java.io.Serializable;

/**
 * One row of the job's manifest table (JSON lines under {@code OUT/_manifest/run=ID/}): the image's URI, its
 * size and mask count, the seconds it took on its executor, and its status: {@code done} (written by this run),
 * {@code skipped} (an up-to-date output was already there; size and masks read from it) or {@code error} (with
 * the reason; the job goes on). A Java bean, as Spark's bean encoder needs.
 */
public final class ManifestRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The columns in the order they are written. */
    static final String[] COLUMNS = {"image", "width", "height", "masks", "seconds", "status", "error"};

    static final String DONE = "done";
    static final String SKIPPED = "skipped";
    static final String ERROR = "error";

    private String image;
    private Integer width;
    private Integer height;
    private Integer masks;
    private double seconds;
    private String status;
    private String error;

    public ManifestRow() {
    }

    static ManifestRow of(String image, int width, int height, int masks, double seconds, String status) {
        ManifestRow row = new ManifestRow();
        row.image = image;
        row.width = width;
        row.height = height;
        row.masks = masks;
        row.seconds = seconds;
        row.status = status;
        return row;
    }

    static ManifestRow failed(String image, double seconds, String error) {
        ManifestRow row = new ManifestRow();
        row.image = image;
        row.seconds = seconds;
        row.status = ERROR;
        row.error = error;
        return row;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public Integer getMasks() {
        return masks;
    }

    public void setMasks(Integer masks) {
        this.masks = masks;
    }

    public double getSeconds() {
        return seconds;
    }

    public void setSeconds(double seconds) {
        this.seconds = seconds;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }
}
