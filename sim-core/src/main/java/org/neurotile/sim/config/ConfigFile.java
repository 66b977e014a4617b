package org.neurotile.sim.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.sim.InvalidInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads a configuration file (YAML, or JSON, which is YAML) whose top level is a mapping.
 *
 * <p>The file is read token by token rather than into a JsonNode so that every key keeps its line
 * number for error messages. Duplicate keys and YAML aliases are rejected.
 *
 * <p>Sizes are bounded before parsing: the YAML scanner's cost grows faster than linearly with a long
 * token, and a configuration (chip, NoC, energy table, network) is a few kilobytes, so a file over
 * {@link #MAX_FILE_BYTES}, a key or value over {@link #MAX_TOKEN_CHARS} characters, or nesting deeper
 * than {@link #MAX_NESTING_DEPTH} levels is refused with one line.
 */
public final class ConfigFile {
    /** Largest configuration file read: far above any real one, small enough to parse in well under a second. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Longest key or value, in characters: a path (Linux's PATH_MAX), a name, a number or a cited source. */
    public static final int MAX_TOKEN_CHARS = 4096;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_NESTING_DEPTH = 64;

    private ConfigFile() {}

    /** Parses {@code file}; errors name it as given. */
    public static ConfigSection load(Path file) {
        final String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a directory; expected a YAML or JSON configuration file");
        }
        final String text;
        try (InputStream in = Files.newInputStream(file)) {
            // Read at most one byte past the limit: the size of a pipe or device is not known up front.
            final byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(name);
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": file not found");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read file (" + e.getMessage() + ")", e);
        }
        return parse(text, name);
    }

    /** Parses configuration text; {@code fileName} is what error messages call it. */
    public static ConfigSection parse(String text, String fileName) {
        if (text.length() > MAX_FILE_BYTES) {
            throw tooLarge(fileName);
        }
        try {
            return parse(new StringReader(text), fileName);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static ConfigSection parse(Reader reader, String fileName) throws IOException {
        try (JsonParser parser = factory().createParser(reader)) {
            final JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(fileName + ": file is empty; expected a mapping of keys to values");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidInputException(fileName + ":" + line(parser)
                        + ": top level must be a mapping of keys to values, got " + describe(first));
            }
            final ConfigSection root = readMapping(parser, fileName, "", line(parser));
            if (parser.nextToken() != null) {
                throw new InvalidInputException(fileName + ":" + line(parser)
                        + ": file holds more than one YAML document; expected exactly one");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw overConstraint(fileName, e);
        } catch (JsonProcessingException e) {
            throw notYaml(fileName, e);
        }
    }

    private static YAMLFactory factory() {
        final LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_FILE_BYTES);
        loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loader.setMaxAliasesForCollections(0);
        // rebuild() keeps the plain factory's parser features (an empty value is null); builder() does not.
        return new YAMLFactory().rebuild()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
    }

    private static InvalidInputException overConstraint(String fileName, StreamConstraintsException e) {
        final String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
        final String message = firstLine(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return new InvalidInputException(fileName + where + ": mappings and lists nested more than "
                    + MAX_NESTING_DEPTH + " levels deep; a configuration file is flatter", e);
        }
        // Jackson names its own setting in parentheses; the user needs the value's problem only.
        final int setting = message.indexOf(" (");
        return new InvalidInputException(fileName + where + ": " + (setting < 0 ? message : message.substring(0, setting)), e);
    }

    private static InvalidInputException tooLarge(String fileName) {
        return new InvalidInputException(fileName + ": larger than " + (MAX_FILE_BYTES >> 20)
                + " MiB, the limit of a configuration file; a configuration is a few kilobytes");
    }

    /** Refuses a key or value longer than {@link #MAX_TOKEN_CHARS}, before anything reads it as a number or name. */
    private static String token(JsonParser parser, String fileName) throws IOException {
        final String text = parser.getText();
        if (text != null && text.length() > MAX_TOKEN_CHARS) {
            throw new InvalidInputException(fileName + ":" + line(parser) + ": a key or value of " + text.length()
                    + " characters, over the limit of " + MAX_TOKEN_CHARS + " in a configuration file");
        }
        return text;
    }

    /** {@code sectionLine} is where errors about missing keys point: the key that opens the section. */
    private static ConfigSection readMapping(JsonParser parser, String fileName, String path, int sectionLine)
            throws IOException {
        final Map<String, ConfigSection.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            final String key = token(parser, fileName);
            final int keyLine = line(parser);
            final ConfigSection.Entry previous = entries.get(key);
            if (previous != null) {
                throw new InvalidInputException(fileName + ":" + keyLine + ": duplicate key '"
                        + ConfigSection.shown(ConfigSection.qualify(path, key)) + "' (first set at line " + previous.keyLine() + ")");
            }
            parser.nextToken();
            final ConfigValue value = readValue(parser, fileName, ConfigSection.qualify(path, key), keyLine);
            entries.put(key, new ConfigSection.Entry(value, keyLine));
        }
        return new ConfigSection(fileName, path, sectionLine, entries);
    }

    private static ConfigValue readValue(JsonParser parser, String fileName, String path, int keyLine)
            throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new InvalidInputException(fileName + ":" + line(parser) + ": key '" + ConfigSection.shown(path)
                    + "' uses a YAML alias (*" + ConfigSection.shown(parser.getText()) + "); write the value out instead");
        }
        final int line = line(parser);
        final String text = token(parser, fileName);
        return switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(parser, fileName, path, keyLine);
            case START_ARRAY -> {
                final List<ConfigValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, fileName, path, line(parser)));
                }
                yield new ConfigValue.Sequence(items, line);
            }
            case VALUE_NUMBER_INT -> new ConfigValue.Scalar(parser.getBigIntegerValue(), text, line);
            case VALUE_NUMBER_FLOAT -> new ConfigValue.Scalar(parser.getDoubleValue(), text, line);
            case VALUE_TRUE, VALUE_FALSE -> new ConfigValue.Scalar(parser.getBooleanValue(), text, line);
            case VALUE_NULL -> new ConfigValue.Scalar(null, "", line);
            default -> new ConfigValue.Scalar(text, text, line);
        };
    }

    private static InvalidInputException notYaml(String fileName, JsonProcessingException e) {
        // SnakeYAML's own message spans several lines with source snippets; keep the problem only.
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            final String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " at line " + (yaml.getContextMark().getLine() + 1) + ")";
            return new InvalidInputException(fileName + ":" + (yaml.getProblemMark().getLine() + 1)
                    + ": not valid YAML or JSON: " + firstLine(yaml.getProblem()) + context, e);
        }
        final String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
        return new InvalidInputException(
                fileName + where + ": not valid YAML or JSON: " + firstLine(e.getOriginalMessage()), e);
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("").trim();
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return token == JsonToken.START_ARRAY ? "a list" : "a single value";
    }
}
