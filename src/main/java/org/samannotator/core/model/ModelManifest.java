package org.samannotator.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models the app knows: the committed {@code manifest.json} of the models directory (or, when that file
 * is absent, the copy packaged as classpath resource {@value #CLASSPATH_RESOURCE}), merged with every other
 * {@code *.json} file in the models directory, each holding user-registered models in the same schema
 * {@code {"models":[...]}}. Models are merged by id; a user file wins over the committed manifest. A user
 * file may also set {@code defaultModel}. Immutable.
 */
public final class ModelManifest {
    /** The committed manifest's file name inside the models directory. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** Where the build packages the committed manifest inside the jar. */
    public static final String CLASSPATH_RESOURCE = "/models/manifest.json";
    /** The only manifest format version this code reads. */
    public static final int FORMAT_VERSION = 1;
    /** Appended to every problem {@link #load} finds in a manifest file. */
    static final String FIX_ADVICE = "Fix or remove this manifest file (format: README, \"Using your own"
            + " SAM-family model\"); the default models/manifest.json comes back with a reinstall or git checkout.";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final List<ModelEntry> models;
    private final String defaultModelId;
    private final List<String> sourceNames;

    private ModelManifest(List<ModelEntry> models, String defaultModelId, List<String> sourceNames) {
        this.models = List.copyOf(models);
        this.defaultModelId = defaultModelId;
        this.sourceNames = List.copyOf(sourceNames);
    }

    /** The JSON shape of one manifest file. */
    private record ManifestDocument(Integer formatVersion, String defaultModel, List<ModelEntry> models) {
    }

    /**
     * Reads the manifest of a models directory and the user model files beside it.
     *
     * @throws ModelManifestException naming the file when one is malformed or incomplete, or when neither the
     *         directory nor the classpath has a manifest
     */
    public static ModelManifest load(Path modelsDir) {
        try {
            return loadAndMerge(modelsDir);
        } catch (ModelManifestException e) {
            if (e.getMessage().endsWith(FIX_ADVICE)) {
                throw e;
            }
            throw new ModelManifestException(e.getMessage() + ". " + FIX_ADVICE, e.getCause());
        }
    }

    private static ModelManifest loadAndMerge(Path modelsDir) {
        Path committed = modelsDir.resolve(MANIFEST_FILE);
        List<String> sourceNames = new ArrayList<>();
        ManifestDocument base;
        if (Files.isRegularFile(committed)) {
            base = parseDocument(readFile(committed), committed.toString());
            sourceNames.add(committed.toString());
        } else {
            base = parseDocument(readClasspathManifest(committed), "classpath:" + CLASSPATH_RESOURCE);
            sourceNames.add("classpath:" + CLASSPATH_RESOURCE);
        }
        Merger merger = new Merger(base, sourceNames.get(0));
        for (Path userFile : userModelFiles(modelsDir)) {
            merger.addUserFile(parseDocument(readFile(userFile), userFile.toString()), userFile.toString());
            sourceNames.add(userFile.toString());
        }
        return merger.build(sourceNames);
    }

    /** Parses a single manifest document (no merging), e.g. for tests or a manifest given on the command line. */
    public static ModelManifest parse(String json, String sourceName) {
        ManifestDocument document = parseDocument(json, sourceName);
        return new Merger(document, sourceName).build(List.of(sourceName));
    }

    /** All models, committed ones first in manifest order, then user-registered ones. */
    public List<ModelEntry> models() {
        return models;
    }

    /** The id of the model used when none is chosen. */
    public String defaultModelId() {
        return defaultModelId;
    }

    public ModelEntry defaultModel() {
        return require(defaultModelId);
    }

    public Optional<ModelEntry> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The model with this id, or a {@link ModelManifestException} listing the known ids. */
    public ModelEntry require(String id) {
        return find(id).orElseThrow(() -> new ModelManifestException("unknown model '" + id + "'; known models: "
                + String.join(", ", models.stream().map(ModelEntry::id).toList())));
    }

    /** The files (or classpath resource) this manifest was read from, committed manifest first. */
    public List<String> sourceNames() {
        return sourceNames;
    }

    private static List<Path> userModelFiles(Path modelsDir) {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(modelsDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals(MANIFEST_FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ModelManifestException("cannot list models directory " + modelsDir + ": " + e.getMessage(), e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new ModelManifestException("cannot read model manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readClasspathManifest(Path missingFile) {
        try (InputStream in = ModelManifest.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new ModelManifestException("no model manifest: " + missingFile
                        + " does not exist and the application has no packaged " + CLASSPATH_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelManifestException("cannot read packaged manifest " + CLASSPATH_RESOURCE + ": "
                    + e.getMessage(), e);
        }
    }

    private static ManifestDocument parseDocument(String json, String sourceName) {
        ManifestDocument document;
        try {
            document = MAPPER.readValue(json, ManifestDocument.class);
        } catch (JsonProcessingException e) {
            throw new ModelManifestException(sourceName + " is not a valid model manifest: "
                    + e.getOriginalMessage() + locationOf(e), e);
        }
        if (document == null || document.models() == null) {
            throw new ModelManifestException(sourceName + ": the \"models\" array is missing");
        }
        if (document.formatVersion() != null && document.formatVersion() != FORMAT_VERSION) {
            throw new ModelManifestException(sourceName + ": unsupported formatVersion " + document.formatVersion()
                    + " (this version of the app reads " + FORMAT_VERSION + ")");
        }
        for (int i = 0; i < document.models().size(); i++) {
            ModelEntry entry = document.models().get(i);
            if (entry == null) {
                throw new ModelManifestException(sourceName + ": model #" + (i + 1) + " is null");
            }
            ModelEntryValidator.validate(entry, sourceName, i);
        }
        return document;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Merges the committed document with user documents by model id. */
    private static final class Merger {
        private final Map<String, ModelEntry> byId = new LinkedHashMap<>();
        private final Map<String, String> userSourceById = new HashMap<>();
        private String defaultModel;
        private String defaultModelSource;
        private boolean defaultSetByUserFile;

        Merger(ManifestDocument base, String sourceName) {
            addUnique(base, sourceName);
            defaultModel = base.defaultModel();
            defaultModelSource = sourceName;
        }

        private void addUnique(ManifestDocument document, String sourceName) {
            for (ModelEntry entry : document.models()) {
                if (byId.putIfAbsent(entry.id(), entry) != null) {
                    throw new ModelManifestException(sourceName + ": model id '" + entry.id() + "' appears twice");
                }
            }
        }

        void addUserFile(ManifestDocument document, String sourceName) {
            Map<String, ModelEntry> seenInThisFile = new HashMap<>();
            for (ModelEntry entry : document.models()) {
                if (seenInThisFile.put(entry.id(), entry) != null) {
                    throw new ModelManifestException(sourceName + ": model id '" + entry.id() + "' appears twice");
                }
                String earlier = userSourceById.put(entry.id(), sourceName);
                if (earlier != null) {
                    throw new ModelManifestException("model id '" + entry.id() + "' is registered by both " + earlier
                            + " and " + sourceName + "; keep it in one file");
                }
                byId.put(entry.id(), entry);
            }
            if (document.defaultModel() != null) {
                if (defaultSetByUserFile) {
                    throw new ModelManifestException("defaultModel is set by both " + defaultModelSource + " and "
                            + sourceName + "; set it in one file");
                }
                defaultModel = document.defaultModel();
                defaultModelSource = sourceName;
                defaultSetByUserFile = true;
            }
        }

        ModelManifest build(List<String> sourceNames) {
            List<ModelEntry> models = new ArrayList<>(byId.values());
            if (models.isEmpty()) {
                throw new ModelManifestException(String.join(", ", sourceNames) + ": no models defined");
            }
            if (defaultModel == null) {
                throw new ModelManifestException(defaultModelSource + ": defaultModel is missing");
            }
            if (!byId.containsKey(defaultModel)) {
                throw new ModelManifestException(defaultModelSource + ": defaultModel '" + defaultModel
                        + "' is not one of the models (" + String.join(", ", byId.keySet()) + ")");
            }
            checkSharedFileNames(models);
            DerivedModels.checkParents(byId, sourceNames);
            return new ModelManifest(models, defaultModel, sourceNames);
        }

        private void checkSharedFileNames(List<ModelEntry> models) {
            Map<String, ModelFileSpec> byFile = new HashMap<>();
            Map<String, String> ownerByFile = new HashMap<>();
            for (ModelEntry entry : models) {
                for (ModelFileSpec spec : List.of(entry.encoder(), entry.decoder())) {
                    ModelFileSpec other = byFile.putIfAbsent(spec.file(), spec);
                    if (other != null && (!other.sha256().equalsIgnoreCase(spec.sha256())
                            || other.size() != spec.size())) {
                        throw new ModelManifestException("models '" + ownerByFile.get(spec.file()) + "' and '"
                                + entry.id() + "' both use file " + spec.file() + " with different size or SHA-256");
                    }
                    ownerByFile.putIfAbsent(spec.file(), entry.id());
                }
            }
        }
    }
}
