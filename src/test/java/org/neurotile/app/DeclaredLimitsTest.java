package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.traffic.LoadSettings;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.WholeParameter;

/** Each parameter's limits are declared once: the command line and a file accept and refuse the same values. */
class DeclaredLimitsTest {
    @TempDir
    Path dir;

    static Stream<WholeParameter> wholeParameters() {
        return ParameterHelp.WHOLE.stream();
    }

    @ParameterizedTest
    @MethodSource("wholeParameters")
    void theOptionAndTheFileRefuseJustOutsideTheRangeAndTakeItsEnds(WholeParameter p) {
        ConfigSection file = ConfigFile.parse("other: 1\n" + p.key() + ": " + (p.max() + 1) + "\n", "f.yaml");
        InvalidInputException fromFile = assertThrows(InvalidInputException.class, () -> p.read(file, 0));
        assertEquals("f.yaml:2: key '" + p.key() + "' must be " + p.valid() + ", got '" + (p.max() + 1) + "'",
                fromFile.getMessage());
        InvalidInputException fromOption = assertThrows(InvalidInputException.class, () -> p.check(p.max() + 1));
        assertEquals(p.option() + " must be " + p.valid() + " (" + p.meaning() + "), got " + (p.max() + 1),
                fromOption.getMessage());
        assertThrows(InvalidInputException.class, () -> p.check(p.min() - 1));
        assertThrows(InvalidInputException.class,
                () -> p.read(ConfigFile.parse(p.key() + ": " + (p.min() - 1) + "\n", "f.yaml"), 0));
        for (long valid : new long[] {p.min(), p.max(), p.defaultValue()}) {
            assertEquals(valid, p.check(valid));
            assertEquals(valid, p.read(ConfigFile.parse(p.key() + ": " + valid + "\n", "f.yaml"), -1));
        }
    }

    @Test
    void theDefaultsAreTheDeclaredOnes() {
        TileParameters tile = TileParameters.DEFAULTS;
        assertEquals(TileParameters.MACS_PER_CYCLE.defaultValue(), tile.macsPerCycle());
        assertEquals(TileParameters.MEMORY_BYTES.defaultValue(), tile.memoryBytes());
        assertEquals(NocParameters.ROUTER_DELAY_CYCLES.defaultValue(), NocParameters.DEFAULTS.routerDelayCycles());
        assertEquals(LoadSettings.MEASURE_CYCLES.defaultValue(), NocSettings.DEFAULTS.measureCycles());
        assertEquals(LoadSettings.PACKET_FLITS.defaultValue(), NocSettings.DEFAULTS.packetFlits());
    }

    @Test
    void helpShowsTheDeclaredRangeAndDefault() {
        CommandLineRunner help = CommandLineRunner.run("noc", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Router pipeline delay per hop (0..1048576, default 3"),
                help.out());
        CommandLineRunner runHelp = CommandLineRunner.run("run", "--help");
        assertTrue(runHelp.out().replaceAll("\\s+", " ").contains("(1B..1TiB, default 512KiB)"), runHelp.out());
    }

    @ParameterizedTest
    @CsvSource({
        "--macs-per-cycle, macsPerCycle, 2147483647",
        "--macs-per-cycle, macsPerCycle, 0",
        "--tile-memory, tileMemoryBytes, 8TiB",
        "--tile-memory, tileMemoryBytes, 0"})
    void runRefusesOnTheCommandLineWhatTheChipFileRefuses(String option, String key, String value)
            throws IOException {
        Path out = dir.resolve("out");
        CommandLineRunner cli = CommandLineRunner.run("run", option, value, "--out", out.toString());
        assertEquals(2, cli.status(), cli.out());
        assertTrue(cli.err().startsWith("run: " + option + " must be "), cli.err());
        Path chip = dir.resolve("chip.yaml");
        Files.writeString(chip, "array: 8x8\n" + key + ": " + value + "\n");
        CommandLineRunner file = CommandLineRunner.run("run", "--chip", chip.toString(), "--out", out.toString());
        assertEquals(2, file.status(), file.out());
        assertTrue(file.err().startsWith("run: " + chip + ":2: key '" + key + "' must be "), file.err());
        assertEquals(1, cli.err().lines().count());
        assertEquals(1, file.err().lines().count());
        assertFalse(Files.exists(out));
    }

    @Test
    void aChipFileWrittenByARunIsReadBackWhateverItsOptions() throws IOException {
        Path out = dir.resolve("out");
        CommandLineRunner first = CommandLineRunner.run("run", "--array", "4x4", "--macs-per-cycle", "1048576",
                "--tile-memory", "1TiB", "--out", out.toString());
        assertEquals(0, first.status(), first.err());
        ChipSpec read = ChipConfigFile.read(out.resolve("chip.json"), ChipSpec.DEFAULTS);
        assertEquals(1 << 20, read.tile().macsPerCycle());
        assertEquals(1L << 40, read.tile().memoryBytes());
    }

    @ParameterizedTest
    @CsvSource({
        "--router-delay, routerDelayCycles, 2147483647",
        "--link-delay, linkDelayCycles, -1",
        "--flit-bytes, flitBytes, 0",
        "--warmup, warmupCycles, 9223372036854775000",
        "--measure, measureCycles, 0",
        "--packet-flits, packetFlits, 2000000"})
    void nocRefusesOnTheCommandLineWhatItsConfigFileRefuses(String option, String key, String value)
            throws IOException {
        Path out = dir.resolve("out");
        CommandLineRunner cli = CommandLineRunner.run("noc", option, value, "--out", out.toString());
        assertEquals(2, cli.status(), cli.out());
        assertTrue(cli.err().startsWith("noc: " + option + " must be "), cli.err());
        Path config = dir.resolve("noc.yaml");
        Files.writeString(config, key + ": " + value + "\n");
        CommandLineRunner file = CommandLineRunner.run("noc", "--config", config.toString(), "--out", out.toString());
        assertEquals(2, file.status(), file.out());
        assertTrue(file.err().startsWith("noc: " + config + ":1: key '" + key + "' must be "), file.err());
        assertFalse(Files.exists(out));
    }
}
