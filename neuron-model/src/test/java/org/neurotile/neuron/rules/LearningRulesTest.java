package org.neurotile.neuron.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurotile.neuron.rules.feedback.FeedbackFamily;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkCatalog;

class LearningRulesTest {

    @Test
    void sparseRulesStoreIndexAndValuePerConnection() {
        var mnist = NetworkCatalog.get("mnist-fc");
        assertEquals(10 * 4, LearningRules.parse("dfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
        assertEquals(4 * (4 + FeedbackFamily.INDEX_BYTES),
                LearningRules.parse("sdfa:k=4", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
        assertEquals(4 + FeedbackFamily.INDEX_BYTES, LearningRules.parse("ssdfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
        assertEquals(0, LearningRules.parse("dfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(2));
    }

    @Test
    void badSpecsAreOneLineAndSayWhatIsValid() {
        assertMessage("bpp", "valid: bp[:reads=separate|shared], fa[:init=crafton|uniform|weights-product], dfa[");
        assertMessage("blocked-dfa", "needs s");
        assertMessage("bp:reads=twice", "reads=twice is not one of separate, shared");
        assertMessage("sdfa", "needs k");
        assertMessage("sdfa:k=four", "k must be a whole number");
        assertMessage("sdfa:k=2,depth=3", "unknown option 'depth' (valid: k, rank, init)");
        assertMessage("dfa:k=2", "unknown option 'k' (valid: init)");
        assertMessage("sdfa:k", "is not NAME=VALUE");
    }

    @Test
    void everyOptionOutsideItsRangeIsOneLineNamingTheOptionAndTheRange() {
        assertMessage("sdfa:k=0", "rule 'sdfa:k=0': k must be a whole number in 1..65536 (the errors per neuron, e.g. sdfa:k=4), got '0'");
        assertMessage("sdfa:k=-3", "k must be a whole number in 1..65536");
        assertMessage("sdfa:k=99999999999", "k must be a whole number in 1..65536");
        assertMessage("sdfa:k=4,rank=0", "rank must be a whole number at least 1 (the feedback patterns per layer)");
        assertMessage("blocked-dfa:s=0", "s must be a whole number at least 1");
        assertMessage("fp:m=-1", "m must be a whole number at least 0");
        assertMessage("directional-dfa:alpha=0", "alpha must be a number in (0, 1] (the feedback learning rate)");
        assertMessage("directional-dfa:alpha=NaN", "alpha must be a number in (0, 1]");
        assertMessage("hybrid:p=1.5", "p must be a number in [0, 1] (the probability of a bp step");
        assertMessage("hybrid:p=0.1,gamma=-1", "gamma must be a number in [0, 1]");
        assertMessage("hybrid:p=x", "p must be a number in [0, 1]");
        assertMessage("binary-dfa:k=0",
                "rule 'binary-dfa:k=0': k must be a whole number in 1..32768 (the errors per neuron, e.g. binary-dfa:k=2), got '0'");
        assertMessage("binary-dfa:k=two", "rule 'binary-dfa:k=two': k must be a whole number in 1..32768");
        assertMessage("binary-dfa:k=40000", "k must be a whole number in 1..32768");
        assertMessage("binary-dfa:k=2,rank=2", "unknown option 'rank' (valid: init, k, scale)");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertMessage("sdfa:k=4,k=5", "rule 'sdfa:k=4,k=5': option 'k' is given twice; give each option once");
        assertMessage("hybrid:p=0.1,gamma=0.2,gamma=0.2", "option 'gamma' is given twice");
    }

    private static void assertMessage(String spec, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LearningRules.parse(spec, 1));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aBlockLargerThanTheNetworkIsRefusedNamingTheLayers() {
        LearningRule rule = LearningRules.parse("blocked-dfa:s=9", 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rule.storage(NetworkCatalog.get("mnist-fc"), 4));
        assertTrue(e.getMessage().contains("s=9 is more than the network's 2 layers (valid: 1..2"), e.getMessage());
    }
}
