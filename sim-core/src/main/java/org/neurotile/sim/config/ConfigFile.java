package org.neurotile.sim.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.sim.InvalidInputException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads a configuration file (YAML, or JSON, which is YAML) whose top level is a mapping.
 *
 * <p>The file is read token by token rather than into a JsonNode so that every key keeps its line
 * number for error messages. Duplicate keys and YAML aliases are rejected.
 */
public final class ConfigFile {
    private ConfigFile() {}

    /** Parses {@code file}; errors name it as given. */
    public static ConfigSection load(Path file) {
        final String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a directory; expected a YAML or JSON configuration file");
        }
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
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
        try {
            return parse(new StringReader(text), fileName);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static ConfigSection parse(Reader reader, String fileName) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
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
        } catch (JsonProcessingException e) {
            throw notYaml(fileName, e);
        }
    }

    /** {@code sectionLine} is where errors about missing keys point: the key that opens the section. */
    private static ConfigSection readMapping(JsonParser parser, String fileName, String path, int sectionLine)
            throws IOException {
        final Map<String, ConfigSection.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            final String key = parser.currentName();
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
        return switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(parser, fileName, path, keyLine);
            case START_ARRAY -> {
                final List<ConfigValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, fileName, path, line(parser)));
                }
                yield new ConfigValue.Sequence(items, line);
            }
            case VALUE_NUMBER_INT -> new ConfigValue.Scalar(parser.getBigIntegerValue(), parser.getText(), line);
            case VALUE_NUMBER_FLOAT -> new ConfigValue.Scalar(parser.getDoubleValue(), parser.getText(), line);
            case VALUE_TRUE, VALUE_FALSE -> new ConfigValue.Scalar(parser.getBooleanValue(), parser.getText(), line);
            case VALUE_NULL -> new ConfigValue.Scalar(null, "", line);
            default -> new ConfigValue.Scalar(parser.getText(), parser.getText(), line);
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
