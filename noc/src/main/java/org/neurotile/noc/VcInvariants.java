package org.neurotile.noc;

/**
 * Flow-control invariants of the virtual-channel network, checked in tests: every buffer slot of a
 * virtual channel is exactly one of a credit upstream, a flit on the link, a flit in the buffer, or a
 * credit on its way back. So credits never go negative and no buffer holds more than its depth.
 */
final class VcInvariants {
    private VcInvariants() {
    }

    static void check(VcFabric f) {
        int ivcs = f.channels * f.vcs;
        int[] onLinks = new int[ivcs];
        int[] creditsOnTheirWay = new int[ivcs];
        f.flitsDue.countTargets(onLinks);
        f.creditsDue.countTargets(creditsOnTheirWay);
        for (int ivc = 0; ivc < ivcs; ivc++) {
            if (f.credits[ivc] < 0 || f.bufferCount[ivc] > f.depth) {
                throw new IllegalStateException("virtual channel " + ivc + ": " + f.credits[ivc] + " credits, "
                        + f.bufferCount[ivc] + " flits in a buffer of " + f.depth);
            }
            int slots = f.credits[ivc] + onLinks[ivc] + f.bufferCount[ivc] + creditsOnTheirWay[ivc];
            if (slots != f.depth) {
                throw new IllegalStateException("virtual channel " + ivc + ": " + f.credits[ivc] + " credits + "
                        + onLinks[ivc] + " flits on the link + " + f.bufferCount[ivc] + " buffered + "
                        + creditsOnTheirWay[ivc] + " credits returning = " + slots + ", not the depth " + f.depth);
            }
        }
    }
}
