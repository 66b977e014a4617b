package org.neurotile.reports.energy;

/** Where energy goes. */
public enum EnergyKind {
    COMPUTE("compute"), LOCAL_MEMORY("localMemory"), NOC("noc"), OFF_CHIP("offChip"), STATIC("static");

    private final String id;

    EnergyKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
