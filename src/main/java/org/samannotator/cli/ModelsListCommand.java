package org.samannotator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.samannotator.core.model.ModelDirectory;
import org.samannotator.core.model.ModelEntry;
import org.samannotator.core.model.ModelManifest;
import org.samannotator.core.model.ModelManifestException;
import org.samannotator.core.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code models list}: a table of the known models (id, name, licence, installed, sizes, default marker). */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the known models, whether their files are installed, and the models directory.")
final class ModelsListCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsListCommand.class);

    private static final List<String> HEADERS = List.of("ID", "NAME", "LICENCE", "INSTALLED", "ENCODER", "DECODER");

    @Spec
    CommandSpec spec;

    @Mixin
    ModelsDirOption directoryOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelDirectory directory = directoryOption.resolve();
        ModelManifest manifest;
        try {
            manifest = ModelManifest.load(directory.path());
        } catch (ModelManifestException e) {
            LOG.debug("models list failed", e); // the stack trace for the log file; the user sees the message
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        ModelStore store = new ModelStore(directory.path());
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (ModelEntry entry : manifest.models()) {
            boolean isDefault = entry.id().equals(manifest.defaultModelId());
            rows.add(List.of(entry.id() + (isDefault ? " *" : ""), entry.displayName(), entry.license(),
                    store.installed(entry).isPresent() ? "yes" : "no", megabytes(entry.encoder().size()),
                    megabytes(entry.decoder().size())));
        }
        printTable(out, rows);
        out.println("* = default model");
        out.println("Models directory: " + directory.path() + " (" + directory.origin() + ")");
        out.flush();
        return 0;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[column] + "s", row.get(column)));
                line.append(column + 1 < widths.length ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
