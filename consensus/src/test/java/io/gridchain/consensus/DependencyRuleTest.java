package io.gridchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * consensus imports nothing but chain-core and the JDK (and no JDK networking or concurrency). A plain
 * scan of the import lines until the ArchUnit module exists.
 */
class DependencyRuleTest {
    @Test
    void mainSourcesImportOnlyChainCoreAndTheJdk() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if (!l.startsWith("import ")) {
                        continue;
                    }
                    String name = l.substring("import ".length()).replace("static ", "");
                    boolean allowed = name.startsWith("io.gridchain.core.") || name.startsWith("io.gridchain.consensus.")
                            || name.startsWith("java.");
                    boolean forbidden = name.startsWith("java.net.") || name.startsWith("java.util.concurrent.")
                            || name.startsWith("java.lang.Thread");
                    if (!allowed || forbidden) {
                        offending.add(root.relativize(file) + ": " + l);
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
