package org.neurotile.reports.energy;

import java.util.EnumMap;
import java.util.Map;

/** Energy in picojoules by kind. */
public record Energy(Map<EnergyKind, Double> byKindPj) {
    public Energy {
        EnumMap<EnergyKind, Double> copy = new EnumMap<>(EnergyKind.class);
        for (EnergyKind kind : EnergyKind.values()) {
            copy.put(kind, byKindPj.getOrDefault(kind, 0.0));
        }
        byKindPj = Map.copyOf(copy);
    }

    public double pj(EnergyKind kind) {
        return byKindPj.get(kind);
    }

    public double totalPj() {
        double total = 0;
        for (EnergyKind kind : EnergyKind.values()) {
            total += byKindPj.get(kind);
        }
        return total;
    }
}
