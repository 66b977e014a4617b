package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
    @TempDir
    Path dir;

    @Test
    void mnistCnnIsPrintedLayerByLayerWithKerasParameterCount() {
        CommandLineRunner describe = CommandLineRunner.run("describe", "mnist-cnn");
        assertEquals(0, describe.status(), describe.err());
        assertEquals("""
                mnist-cnn: input 1x28x28
                layer  kind                                output           weights      parameters      forward MACs
                1      conv2d 3x3 32, relu                 32x26x26             288             320           194,688
                2      conv2d 3x3 64, relu, maxpool 2x2/2  64x12x12          18,432          18,496        10,616,832
                3      dense 128, relu                     128            1,179,648       1,179,776         1,179,648
                4      dense 10                            10                 1,280           1,290             1,280
                total                                                     1,199,648       1,199,882        11,992,448
                """, describe.out());
    }

    @Test
    void jsonGivesTheSameTotalsAsTheLayers() throws IOException {
        CommandLineRunner describe = CommandLineRunner.run("describe", "vgg16", "--json");
        assertEquals(0, describe.status(), describe.err());
        JsonNode summary = new ObjectMapper().readTree(describe.out());
        long macs = 0;
        for (JsonNode layer : summary.get("layers")) {
            macs += layer.get("forwardMacs").asLong();
        }
        assertEquals(16, summary.get("layers").size());
        assertEquals(macs, summary.get("forwardMacs").asLong());
        assertEquals(138_357_544L, summary.get("parameters").asLong()); // torchvision's vgg16
    }

    @Test
    void aNetworkFileIsDescribedWithItsFrozenLayersMarked() throws IOException {
        Path file = Files.writeString(dir.resolve("small.yaml"), """
                input: [1, 8, 8]
                layers:
                  - conv2d: {channels: 2, kernel: 3, trainable: false}
                  - dense: 10
                """);
        CommandLineRunner describe = CommandLineRunner.run("describe", file.toString());
        assertEquals(0, describe.status(), describe.err());
        assertTrue(describe.out().contains("conv2d 3x3 2, relu (frozen)"), describe.out());
    }

    @Test
    void anUnknownNetworkIsOneLineAndStatusTwo() {
        CommandLineRunner describe = CommandLineRunner.run("describe", "lenet");
        assertEquals(2, describe.status());
        assertEquals(1, describe.err().lines().count(), describe.err());
        assertTrue(describe.err().startsWith("describe: unknown network 'lenet'"), describe.err());
    }
}
