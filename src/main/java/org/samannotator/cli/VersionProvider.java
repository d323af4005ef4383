package org.samannotator.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by the build), or "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"sam-annotator " + (version == null ? "dev" : version)};
    }
}
