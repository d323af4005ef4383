package org.samannotator.gui.folder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.samannotator.core.annotation.ImageAnnotations;
import org.samannotator.core.annotation.ImageStatus;
import org.samannotator.core.annotation.ProjectChange;
import org.samannotator.core.session.AnnotationSession;
import org.samannotator.core.session.SessionChange;
import org.samannotator.core.session.SessionListener;

/**
 * The folder's images (names only; nothing is read until an image is opened), each with status and object
 * count, filtered by a case-insensitive name search and by status. Next/previous move within the filtered list.
 */
public final class FolderViewModel {
    private final AnnotationSession session;
    private final ObservableList<ImageRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ImageRow> filtered = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty currentFile = new SimpleStringProperty();
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);

    public FolderViewModel(AnnotationSession session) {
        this.session = session;
        filter.addListener((obs, old, text) -> updatePredicate());
        statusFilter.addListener((obs, old, now) -> updatePredicate());
        session.setUpcomingImages(() -> upcoming(currentFile.get(), AnnotationSession.PRE_ENCODE_COUNT));
        session.addListener(new SessionListener() {
            @Override
            public void sessionChanged(SessionChange change) {
                if (change == SessionChange.FOLDER) {
                    showFolder();
                } else if (change == SessionChange.IMAGE) {
                    currentFile.set(session.currentFile().orElse(null));
                    session.currentFile().ifPresent(file -> refreshRows(List.of(file)));
                }
            }

            @Override
            public void projectChanged(ProjectChange change) {
                FolderViewModel.this.projectChanged(change);
            }
        });
    }

    /** Rows whose name contains the filter text (case-insensitive) and whose status passes the status filter. */
    private void updatePredicate() {
        String text = filter.get();
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        StatusFilter byStatus = statusFilter.get() == null ? StatusFilter.ALL : statusFilter.get();
        filtered.setPredicate(needle.isEmpty() && byStatus == StatusFilter.ALL ? null
                : row -> byStatus.accepts(row.status())
                        && (needle.isEmpty() || row.fileName().toLowerCase(java.util.Locale.ROOT).contains(needle)));
        updateSummary();
    }

    /** Shows the images of the newly opened folder. */
    private void showFolder() {
        indexByName.clear();
        List<String> imageFiles = session.files();
        List<ImageRow> fresh = new ArrayList<>(imageFiles.size());
        for (String name : imageFiles) {
            indexByName.put(name, fresh.size());
            fresh.add(row(name));
        }
        rows.setAll(fresh);
        updateSummary();
    }

    /** Opens an image of the list. */
    public void open(String fileName) {
        session.openImage(fileName);
    }

    /** The session's current image (null when none). */
    public ReadOnlyStringProperty currentFileProperty() {
        return currentFile;
    }

    private ImageRow row(String name) {
        ImageAnnotations image = session.project().orElseThrow().image(name);
        return new ImageRow(name, image.status(), image.objectCount());
    }

    private void projectChanged(ProjectChange change) {
        if (!change.persistent()) {
            return;
        }
        refreshRows(change.images());
    }

    /**
     * Recomputes the rows of {@code names}: after a change, or when an image's objects were read from the
     * project file for the first time (its count then leaves out what could not be read).
     */
    private void refreshRows(java.util.Collection<String> names) {
        for (String name : names) {
            Integer index = indexByName.get(name);
            if (index != null) {
                ImageRow fresh = row(name);
                if (!fresh.equals(rows.get(index))) {
                    rows.set(index, fresh);
                }
            }
        }
        updateSummary();
    }

    private void updateSummary() {
        long done = rows.stream().filter(r -> r.status() == ImageStatus.DONE).count();
        summary.set(rows.size() + " images, " + done + " done"
                + (filtered.size() == rows.size() ? "" : ", " + filtered.size() + " shown"));
    }

    public ObservableList<ImageRow> visibleRows() {
        return filtered;
    }

    public List<String> allFiles() {
        return rows.stream().map(ImageRow::fileName).toList();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Which statuses the list shows (All, Not started, In progress, Done, Not done). */
    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    /** The file of an image of the open folder (for its thumbnail); empty when no folder is open. */
    public Optional<java.nio.file.Path> imagePath(String fileName) {
        return session.folder().map(folder -> folder.resolve(fileName));
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The first image not marked done (where a reopened folder starts), else the first image. */
    public Optional<String> firstNotDone() {
        return rows.stream().filter(r -> r.status() != ImageStatus.DONE).map(ImageRow::fileName).findFirst()
                .or(() -> rows.stream().map(ImageRow::fileName).findFirst());
    }

    public boolean contains(String fileName) {
        return indexByName.containsKey(fileName);
    }

    /** The image {@code step} places after (or before, if negative) {@code current} in the filtered list. */
    public Optional<String> neighbour(String current, int step) {
        if (filtered.isEmpty()) {
            return Optional.empty();
        }
        int index = visibleIndex(current);
        int target = index < 0 ? 0 : index + step;
        return target >= 0 && target < filtered.size() ? Optional.of(filtered.get(target).fileName())
                : Optional.empty();
    }

    /**
     * Names of up to {@code count} images after {@code current} in the filtered list (where D / PageDown
     * goes), to pre-encode; from the start of the filtered list when {@code current} is not in it, as
     * {@link #neighbour} does.
     */
    public List<String> upcoming(String current, int count) {
        if (current == null) {
            return List.of();
        }
        int index = visibleIndex(current);
        List<String> next = new ArrayList<>();
        for (int i = index + 1; i < filtered.size() && next.size() < count; i++) {
            next.add(filtered.get(i).fileName());
        }
        return next;
    }

    /** Index of {@code fileName} in the filtered list, or -1. */
    private int visibleIndex(String fileName) {
        for (int i = 0; i < filtered.size(); i++) {
            if (filtered.get(i).fileName().equals(fileName)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets the status of an image (undoable). */
    public void setStatus(String fileName, ImageStatus status) {
        if (fileName != null) {
            session.project().ifPresent(p -> p.setStatus(fileName, status));
        }
    }
}
