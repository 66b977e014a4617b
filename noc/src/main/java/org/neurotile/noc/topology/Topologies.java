package org.neurotile.noc.topology;

import java.util.Optional;
import java.util.regex.Pattern;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/** Turns topology specs such as {@code mesh:8x8}, {@code ring:16} or {@code tree:4:8x8} into topologies. */
public final class Topologies {
    /** Larger arrays are refused: their link tables alone would take hundreds of megabytes. */
    public static final int MAX_TILES = 1 << 20;

    static final String VALID_FORMS = "valid forms: mesh:WxH, torus:WxH, ring:N, ring:WxH, tree:K:WxH, tree:K:N,"
            + " or mesh, torus, ring, tree:K to use the array shape (W, H, N >= 1; K >= 2; at most "
            + MAX_TILES + " tiles)";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private Topologies() {
    }

    /** Parses a spec that must give its own size. */
    public static Topology parse(String spec) {
        return parse(spec, Optional.empty());
    }

    /**
     * Parses {@code mesh:WxH}, {@code torus:WxH}, {@code ring:N}, {@code ring:WxH}, {@code tree:K:WxH} or
     * {@code tree:K:N}; a spec without a size ({@code mesh}, {@code torus}, {@code ring}, {@code tree:K})
     * takes {@code arrayShape}. {@code N} alone means an N x 1 array.
     *
     * @throws InvalidInputException if the spec is malformed, a size is out of range, or no size is given
     */
    public static Topology parse(String spec, Optional<GridShape> arrayShape) {
        final String text = spec.strip();
        final String[] parts = text.split(":", -1);
        final String kind = parts[0];
        switch (kind) {
            case "mesh", "torus", "ring" -> {
                if (parts.length > 2) {
                    throw invalid(spec, "too many ':' parts");
                }
                final GridShape shape = parts.length == 1
                        ? arrayShape.orElseThrow(() -> noShape(spec))
                        : shape(spec, parts[1], kind.equals("ring"));
                checkTiles(spec, shape);
                return kind.equals("ring")
                        ? new Ring(shape.width(), shape.height())
                        : new Grid2D(shape, kind.equals("torus"));
            }
            case "tree" -> {
                if (parts.length < 2 || parts.length > 3) {
                    throw invalid(spec, "a tree needs its arity K, as in tree:4 or tree:4:8x8");
                }
                final long arity = number(spec, parts[1]);
                if (arity < 2) {
                    throw invalid(spec, "tree arity K must be >= 2");
                }
                final GridShape shape = parts.length == 2
                        ? arrayShape.orElseThrow(() -> noShape(spec))
                        : shape(spec, parts[2], true);
                checkTiles(spec, shape);
                return new Tree((int) arity, shape.width(), shape.height());
            }
            default -> throw invalid(spec, "unknown topology kind '" + oneLine(kind) + "'");
        }
    }

    /** Parses an array shape {@code WxH}, as the command line's {@code --array} gives it. */
    public static GridShape parseArray(String text) {
        final String[] dims = text.strip().split("x", -1);
        if (dims.length == 2 && NUMBER.matcher(dims[0]).matches() && NUMBER.matcher(dims[1]).matches()) {
            final long width = Long.parseLong(dims[0]);
            final long height = Long.parseLong(dims[1]);
            if (width >= 1 && height >= 1 && width * height <= MAX_TILES) {
                return new GridShape((int) width, (int) height);
            }
        }
        throw new InvalidInputException("invalid array '" + oneLine(text) + "': expected WxH with W, H >= 1 and at most "
                + MAX_TILES + " tiles, e.g. 32x32");
    }

    /** For the topologies' constructors, which take sizes from code rather than from the user. */
    static void checkGrid(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > MAX_TILES) {
            throw new IllegalArgumentException(
                    "grid must be at least 1x1 and hold at most " + MAX_TILES + " tiles, got " + width + "x" + height);
        }
    }

    private static GridShape shape(String spec, String size, boolean singleNumberAllowed) {
        final String[] dims = size.split("x", -1);
        if (dims.length == 1 && singleNumberAllowed) {
            return positiveShape(spec, number(spec, dims[0]), 1);
        }
        if (dims.length != 2) {
            throw invalid(spec, "size '" + oneLine(size) + "' is not WxH" + (singleNumberAllowed ? " or N" : ""));
        }
        return positiveShape(spec, number(spec, dims[0]), number(spec, dims[1]));
    }

    private static GridShape positiveShape(String spec, long width, long height) {
        if (width < 1 || height < 1) {
            throw invalid(spec, "sizes must be >= 1");
        }
        if (width * height > MAX_TILES) {
            throw invalid(spec, width * height + " tiles is more than the " + MAX_TILES + " supported");
        }
        return new GridShape((int) width, (int) height);
    }

    private static void checkTiles(String spec, GridShape shape) {
        if (shape.tileCount() > MAX_TILES) {
            throw invalid(spec, shape.tileCount() + " tiles is more than the " + MAX_TILES + " supported");
        }
    }

    private static long number(String spec, String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw invalid(spec, "'" + oneLine(text) + "' is not a whole number from 1 to 999999999");
        }
        return Long.parseLong(text);
    }

    private static InvalidInputException noShape(String spec) {
        return invalid(spec, "no size given and no array shape to default to");
    }

    private static InvalidInputException invalid(String spec, String reason) {
        return new InvalidInputException("invalid topology '" + oneLine(spec) + "': " + reason + "; " + VALID_FORMS);
    }

    /** Keeps the user-facing message on one line and short whatever the user typed. */
    private static String oneLine(String text) {
        return UserText.shown(text.replaceAll("\\p{Cntrl}", "?"));
    }
}
