package org.neurotile.neuron.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/** The rule families found on the class path, immutable once loaded: each name belongs to one family. */
final class RuleRegistry {
    private final Map<String, RuleFamily> families;
    private final List<RuleForm> forms;
    private final String formsText;

    RuleRegistry(List<? extends RuleFamily> found) {
        Map<String, RuleFamily> byName = new HashMap<>();
        List<RuleForm> all = new ArrayList<>();
        for (RuleFamily family : found) {
            for (RuleForm form : family.forms()) {
                RuleFamily earlier = byName.putIfAbsent(form.name(), family);
                if (earlier != null) {
                    throw new IllegalStateException("rule '" + form.name() + "' is offered by both "
                            + earlier.getClass().getName() + " and " + family.getClass().getName());
                }
                all.add(form);
            }
        }
        all.sort(Comparator.comparingInt(RuleForm::displayOrder).thenComparing(RuleForm::name));
        this.families = Map.copyOf(byName);
        this.forms = List.copyOf(all);
        this.formsText = all.stream().map(RuleForm::help).collect(Collectors.joining(", "));
    }

    /** The families registered in {@code META-INF/services} on the class path of this class. */
    static RuleRegistry load() {
        return new RuleRegistry(ServiceLoader.load(RuleFamily.class, RuleFamily.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Every name's form, in display order. */
    List<RuleForm> forms() {
        return forms;
    }

    /** Every name's form for help texts and errors, in display order, joined by commas. */
    String formsText() {
        return formsText;
    }

    Optional<RuleForm> form(String name) {
        return forms.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    LearningRule parse(String spec, long seed) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        RuleOptions options = new RuleOptions(spec, colon < 0 ? "" : text.substring(colon + 1));
        RuleFamily family = families.get(name);
        if (family == null) {
            throw new InvalidInputException("unknown rule '" + UserText.shown(spec) + "' (valid: " + formsText + ")");
        }
        return family.create(name, options, new RuleContext(seed, this));
    }
}
