package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

class WorkloadsTest {
    @TempDir
    Path dir;

    @Test
    void catalogNameResolvesToTheCatalogNetwork() {
        assertEquals(NetworkCatalog.get("cifar10-fc"), Workloads.resolve("cifar10-fc"));
    }

    @Test
    void yamlPathResolvesToTheFilesNetwork() throws IOException {
        final Path file = Files.writeString(dir.resolve("net.YML"), "input: 5\nlayers: [3]\n");
        assertEquals("5-3", Workloads.resolve(file.toString()).describe());
    }

    @Test
    void missingNetworkFileIsReportedAsSuch() {
        final String path = dir.resolve("absent.yaml").toString();
        assertEquals(path + ": file not found",
                assertThrows(InvalidInputException.class, () -> Workloads.resolve(path)).getMessage());
    }

    @Test
    void otherNameErrorListsCatalogAndFileEndings() {
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> Workloads.resolve("mnist"));
        assertEquals("unknown network 'mnist': expected a catalog name (" + String.join(", ", NetworkCatalog.names())
                + ") or a network file ending in .yaml, .yml, .json", e.getMessage());
    }
}
