package org.neurotile.neuron.counts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * A count of every {@link Category}, immutable. Iteration and the id-keyed views follow the
 * category order, the order of every file's keys and columns; names appear only at that edge.
 */
public final class Counts {
    public static final Counts ZERO = new Counts(new long[Category.count()]);

    private final long[] values;

    private Counts(long[] values) {
        this.values = values;
    }

    /** Counts indexed by category ordinal; the array is copied. */
    public static Counts of(long[] values) {
        if (values.length != Category.count()) {
            throw new IllegalArgumentException(values.length + " values for " + Category.count() + " categories");
        }
        return new Counts(values.clone());
    }

    /** The count {@code value} gives for each category, asked in category order. */
    public static Counts of(ToLongFunction<Category> value) {
        long[] values = new long[Category.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsLong(Category.of(i));
        }
        return new Counts(values);
    }

    public long get(Category category) {
        return values[category.ordinal()];
    }

    public Counts plus(Counts other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new Counts(sum);
    }

    public Counts times(long factor) {
        long[] product = values.clone();
        for (int i = 0; i < product.length; i++) {
            product[i] *= factor;
        }
        return new Counts(product);
    }

    /** Each category and its count, in category order. */
    public void forEach(ObjLongConsumer<Category> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(Category.of(i), values[i]);
        }
    }

    /** The counts under their ids, in category order: for writing results. */
    public Map<String, Long> byId() {
        Map<String, Long> named = new LinkedHashMap<>();
        forEach((category, value) -> named.put(category.id(), value));
        return named;
    }

    /** Groups of counts (by phase, layer, tile) under {@code key}'s names, each by id, in the map's order. */
    public static <K> Map<String, Map<String, Long>> byId(Map<K, Counts> groups, Function<K, String> key) {
        Map<String, Map<String, Long>> named = new LinkedHashMap<>();
        groups.forEach((group, counts) -> named.put(key.apply(group), counts.byId()));
        return named;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Counts counts && Arrays.equals(values, counts.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return byId().toString();
    }
}
