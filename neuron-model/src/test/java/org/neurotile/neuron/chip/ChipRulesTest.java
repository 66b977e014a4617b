package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkCatalog;

class ChipRulesTest {

    @Test
    void sparseRulesStoreIndexAndValuePerConnection() {
        var mnist = NetworkCatalog.get("mnist-fc");
        assertEquals(10 * 4, ChipRules.parse("dfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
        assertEquals(4 * (4 + ChipRules.INDEX_BYTES),
                ChipRules.parse("sdfa:k=4", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
        assertEquals(4 + ChipRules.INDEX_BYTES, ChipRules.parse("ssdfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
        assertEquals(0, ChipRules.parse("dfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(2));
    }

    @Test
    void badSpecsAreOneLineAndSayWhatIsValid() {
        assertMessage("bpp", "valid: bp[:reads=separate|shared], fa, dfa, sdfa:k=K[,rank=R], ssdfa");
        assertMessage("blocked-dfa", "needs s");
        assertMessage("bp:reads=twice", "reads=twice is not one of separate, shared");
        assertMessage("sdfa", "needs k");
        assertMessage("sdfa:k=four", "k must be a whole number");
        assertMessage("sdfa:k=2,depth=3", "unknown option 'depth' (valid: k, rank)");
        assertMessage("dfa:k=2", "unknown option 'k' (valid: none)");
        assertMessage("sdfa:k", "is not NAME=VALUE");
    }

    private static void assertMessage(String spec, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ChipRules.parse(spec, 1));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aBlockLargerThanTheNetworkIsRefusedNamingTheLayers() {
        ChipRule rule = ChipRules.parse("blocked-dfa:s=9", 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rule.storage(NetworkCatalog.get("mnist-fc"), 4));
        assertTrue(e.getMessage().contains("s=9 is more than the network's 2 layers (valid: 1..2"), e.getMessage());
    }
}
