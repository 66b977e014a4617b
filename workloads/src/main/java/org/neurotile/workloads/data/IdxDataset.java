package org.neurotile.workloads.data;

import java.nio.file.Path;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.TensorShape;

/** A data set from a pair of IDX files, images and labels, as MNIST ships them. */
public final class IdxDataset {
    /** The largest pixel value; images are scaled by it to [0, 1]. */
    private static final float MAX_PIXEL = 255f;

    private IdxDataset() {}

    /** Reads the images (scaled to [0, 1]) and their labels, each in 0..classes-1. */
    public static Dataset load(Path imagesFile, Path labelsFile, int classes) {
        return load(imagesFile, labelsFile, classes, IdxFile.heapLeftBytes());
    }

    /**
     * As {@link #load(Path, Path, int)}; both headers are checked, and the memory the data set will
     * take (the bytes as read, then a float per pixel, an int per label) against {@code memoryBytes},
     * before any data is read.
     */
    static Dataset load(Path imagesFile, Path labelsFile, int classes, long memoryBytes) {
        if (classes < 1) {
            throw new InvalidInputException("the number of classes must be >= 1, got " + classes);
        }
        final IdxFile.Header imagesHeader = IdxFile.header(imagesFile, IdxFile.IMAGES_MAGIC);
        final IdxFile.Header labelsHeader = IdxFile.header(labelsFile, IdxFile.LABELS_MAGIC);
        final int count = imagesHeader.dimensions()[0];
        if (labelsHeader.dimensions()[0] != count) {
            throw new InvalidInputException(labelsFile + ": holds " + labelsHeader.dimensions()[0] + " labels but "
                    + imagesFile + " holds " + count + " images");
        }
        final long inputSize = (long) imagesHeader.dimensions()[1] * imagesHeader.dimensions()[2];
        if (inputSize < 1 || inputSize > Integer.MAX_VALUE) {
            throw new InvalidInputException(imagesFile + ": images of " + imagesHeader.dimensions()[1] + " x "
                    + imagesHeader.dimensions()[2] + " pixels are " + (inputSize < 1 ? "empty" : "too large"));
        }
        final long pixels = imagesHeader.elements();
        IdxFile.requireMemory(imagesHeader, pixels * (1 + Float.BYTES) + (long) count * (1 + Integer.BYTES),
                memoryBytes, " (the bytes as read and a float per pixel)");
        final IdxFile images = IdxFile.read(imagesFile, IdxFile.IMAGES_MAGIC, memoryBytes);
        final IdxFile labels = IdxFile.read(labelsFile, IdxFile.LABELS_MAGIC, memoryBytes);
        final int[] labelValues = new int[count];
        for (int e = 0; e < count; e++) {
            labelValues[e] = labels.unsignedByte(e);
            if (labelValues[e] >= classes) {
                throw new InvalidInputException(labelsFile + ": example " + e + " (0-based) has label "
                        + labelValues[e] + ", outside 0.." + (classes - 1) + " for " + classes + " classes");
            }
        }
        final float[] inputs = new float[images.elementCount()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = images.unsignedByte(i) / MAX_PIXEL;
        }
        return new Dataset(imagesFile.toString(), (int) inputSize, classes, inputs, labelValues,
                new TensorShape(1, imagesHeader.dimensions()[1], imagesHeader.dimensions()[2]));
    }
}
