package io.gridchain.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * What build this is: the Maven version and the git commit it was built from, read from
 * {@code gridchain-build.properties}, which the build writes (chain-node/pom.xml asks git). A build
 * outside git (a source archive, no git binary) has an empty commit and says so.
 */
record BuildInfo(String version, Optional<String> commit, boolean dirty) {
    static final String RESOURCE = "/gridchain-build.properties";

    static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource reads as an unknown build, below
        }
        return of(p);
    }

    static BuildInfo of(Properties p) {
        return new BuildInfo(filled(p.getProperty("version")).orElse("unknown version"), filled(p.getProperty("commit")),
                "true".equals(p.getProperty("dirty")));
    }

    /** An empty value, or one a build tool left as "${…}", is absent. */
    private static Optional<String> filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? Optional.empty() : Optional.of(value.strip());
    }

    /** E.g. "gridchain 0.1.0-SNAPSHOT (commit 3901bbb27457, with uncommitted changes)". */
    String describe() {
        String c = commit.map(id -> "commit " + id + (dirty ? ", with uncommitted changes" : ""))
                .orElse("commit unknown: built outside git");
        return "gridchain " + version + " (" + c + ")";
    }
}
