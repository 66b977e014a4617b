package org.neurotile.workloads.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/** Finds and loads the MNIST files of a directory under their usual names, gzipped or not. */
public final class MnistDirectory {
    public static final int CLASSES = 10;

    /** The two halves MNIST ships, by the prefix of their file names. */
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        public String imagesFileName() {
            return prefix + "-images-idx3-ubyte";
        }

        public String labelsFileName() {
            return prefix + "-labels-idx1-ubyte";
        }
    }

    private MnistDirectory() {}

    /** Loads {@code split} from {@code dir}; an uncompressed file is preferred over its {@code .gz}. */
    public static Dataset load(Path dir, Split split) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": not a directory; expected one holding the MNIST IDX files ("
                    + split.imagesFileName() + "[.gz], " + split.labelsFileName() + "[.gz])");
        }
        return IdxDataset.load(find(dir, split.imagesFileName(), split), find(dir, split.labelsFileName(), split),
                CLASSES);
    }

    private static Path find(Path dir, String name, Split split) {
        final Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        final Path gzipped = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        throw new InvalidInputException(dir + ": missing " + name + " or " + name + ".gz (the MNIST "
                + split.name().toLowerCase(Locale.ROOT) + " split)");
    }
}
