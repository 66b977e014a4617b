package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void headerIsPaddedSoTheDataStartsOnA64ByteBoundary() throws IOException {
        Path file = dir.resolve("m.npy");
        NpyWriter.writeDoubles(file, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.0, data.getDouble());
        assertEquals(2.0, data.getDouble());
        assertEquals(10 + headerLength + 48, bytes.length);
    }

    @Test
    void float32FilesHoldFourBytesPerValue() throws IOException {
        Path file = dir.resolve("f.npy");
        NpyWriter.writeFloats(file, new double[] {0.1f, -2.5}, 2);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertTrue(new String(bytes, 10, headerLength, StandardCharsets.US_ASCII).contains("'descr': '<f4'"));
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 8).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.1f, data.getFloat());
        assertEquals(-2.5f, data.getFloat());
        assertEquals(10 + headerLength + 8, bytes.length);
    }

    @Test
    void float32FilesRefuseValuesThatAreNotFloat32() {
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.writeFloats(dir.resolve("x.npy"),
                new double[] {0.1}, 1));
    }

    @Test
    void aVectorHasAOneElementTupleShape() {
        assertTrue(NpyWriter.header("<i4", new int[] {7}).contains("'shape': (7,)"));
    }

    @Test
    void numpyReadsWhatWasWrittenWhenItIsInstalled() throws IOException, InterruptedException {
        Path file = dir.resolve("v.npy");
        NpyWriter.writeDoubles(file, new double[] {0.5, -1.25}, 2);
        Process check;
        try {
            check = new ProcessBuilder("python3", "-c",
                    "import sys, numpy; a = numpy.load(sys.argv[1]); assert a.shape == (2,) and a[1] == -1.25",
                    file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no python3 here");
            return;
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = check.waitFor();
        org.junit.jupiter.api.Assumptions.assumeFalse(output.contains("No module named"), "numpy is not installed");
        assertEquals(0, status, output);
    }
}
