package org.neurotile.app;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.traffic.LoadSettings;
import org.neurotile.sim.config.ByteSizeParameter;
import org.neurotile.sim.config.WholeParameter;

/**
 * The valid range and default of every declared parameter, for help texts: an option's
 * description says {@code ${bundle:KEY}} and shows what the parameter's declaration says. The rule
 * registry's forms ({@code rules.forms}) and compare's default rules ({@code rules.compared}) too.
 */
final class ParameterHelp extends ListResourceBundle {
    static final List<WholeParameter> WHOLE = List.of(TileParameters.MACS_PER_CYCLE, NocParameters.FLIT_BYTES,
            NocParameters.LINK_WIDTH_BYTES, NocParameters.HEADER_BYTES, NocParameters.ROUTER_DELAY_CYCLES,
            NocParameters.LINK_DELAY_CYCLES, NocParameters.INJECTION_CYCLES, NocParameters.EJECTION_CYCLES,
            NocParameters.MAX_PACKET_BYTES, LoadSettings.PACKET_FLITS, LoadSettings.WARMUP_CYCLES,
            LoadSettings.MEASURE_CYCLES, VcRouterParameters.VCS, VcRouterParameters.VC_DEPTH_FLITS,
            VcRouterParameters.ROUTING_DELAY_CYCLES, VcRouterParameters.VC_ALLOC_DELAY_CYCLES,
            VcRouterParameters.SWITCH_ALLOC_DELAY_CYCLES, VcRouterParameters.SWITCH_TRAVERSAL_DELAY_CYCLES,
            VcRouterParameters.CREDIT_DELAY_CYCLES, VcRouterParameters.DEADLOCK_CYCLES);
    static final List<ByteSizeParameter> SIZES = List.of(TileParameters.MEMORY_BYTES);

    @Override
    protected Object[][] getContents() {
        List<Object[]> contents = new ArrayList<>();
        WHOLE.forEach(p -> contents.add(new Object[] {p.key(), p.help()}));
        SIZES.forEach(p -> contents.add(new Object[] {p.key(), p.help()}));
        contents.add(new Object[] {"rules.forms", LearningRules.FORMS});
        contents.add(new Object[] {"rules.compared", String.join(",", LearningRules.comparedByDefault())});
        return contents.toArray(Object[][]::new);
    }
}
