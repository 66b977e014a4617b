package org.neurotile.workloads.data;

import java.nio.file.Path;
import org.neurotile.sim.InvalidInputException;

/** A data set from a pair of IDX files, images and labels, as MNIST ships them. */
public final class IdxDataset {
    /** The largest pixel value; images are scaled by it to [0, 1]. */
    private static final float MAX_PIXEL = 255f;

    private IdxDataset() {}

    /** Reads the images (scaled to [0, 1]) and their labels, each in 0..classes-1. */
    public static Dataset load(Path imagesFile, Path labelsFile, int classes) {
        if (classes < 1) {
            throw new InvalidInputException("the number of classes must be >= 1, got " + classes);
        }
        final IdxFile images = IdxFile.read(imagesFile, IdxFile.IMAGES_MAGIC);
        final IdxFile labels = IdxFile.read(labelsFile, IdxFile.LABELS_MAGIC);
        final int count = images.dimension(0);
        if (labels.dimension(0) != count) {
            throw new InvalidInputException(labelsFile + ": holds " + labels.dimension(0) + " labels but "
                    + imagesFile + " holds " + count + " images");
        }
        final int inputSize = images.dimension(1) * images.dimension(2);
        if (inputSize < 1) {
            throw new InvalidInputException(imagesFile + ": images of " + images.dimension(1) + " x "
                    + images.dimension(2) + " pixels are empty");
        }
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
        return new Dataset(imagesFile.toString(), inputSize, classes, inputs, labelValues);
    }
}
