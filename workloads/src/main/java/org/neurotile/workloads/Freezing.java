package org.neurotile.workloads;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/**
 * Which layers of a network keep their weights, as {@code --freeze} names them: {@code conv} (every
 * convolution: the transfer setting, features frozen and the classifier trained) or layer numbers
 * and ranges such as {@code 1-3,5}.
 */
public final class Freezing {
    /** How the option is written, for messages. */
    public static final String FORMS = "conv, or layer numbers and ranges such as 1-3,5";

    private Freezing() {}

    /** {@code network} with the layers {@code spec} names frozen (the others as they were). */
    public static NetworkSpec apply(NetworkSpec network, String spec) {
        boolean[] frozen = layers(network, spec);
        List<Layer> layers = new ArrayList<>(network.layerCount());
        for (int l = 1; l <= network.layerCount(); l++) {
            Layer layer = network.layer(l);
            layers.add(frozen[l] ? LayerListReader.withTrainable(layer, false) : layer);
        }
        return new NetworkSpec(network.name(), network.input(), layers);
    }

    private static boolean[] layers(NetworkSpec network, String spec) {
        int count = network.layerCount();
        boolean[] frozen = new boolean[count + 1];
        String text = spec == null ? "" : spec.trim();
        if (text.equals("conv")) {
            boolean any = false;
            for (int l = 1; l <= count; l++) {
                frozen[l] = network.layer(l) instanceof Conv2d;
                any |= frozen[l];
            }
            if (!any) {
                throw new InvalidInputException("--freeze conv: network '" + network.name() + "' has no conv2d layer");
            }
            return frozen;
        }
        if (text.isEmpty()) {
            throw invalid(spec, count);
        }
        for (String part : text.split(",", -1)) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length > 2) {
                throw invalid(spec, count);
            }
            int from = layer(ends[0], spec, count);
            int to = ends.length == 2 ? layer(ends[1], spec, count) : from;
            if (to < from) {
                throw invalid(spec, count);
            }
            for (int l = from; l <= to; l++) {
                frozen[l] = true;
            }
        }
        return frozen;
    }

    private static int layer(String text, String spec, int count) {
        try {
            int l = Integer.parseInt(text.trim());
            if (l >= 1 && l <= count) {
                return l;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid forms
        }
        throw invalid(spec, count);
    }

    private static InvalidInputException invalid(String spec, int count) {
        return new InvalidInputException("--freeze '" + UserText.shown(String.valueOf(spec)) + "' is not valid: expected "
                + FORMS + " (layers 1.." + count + ")");
    }
}
