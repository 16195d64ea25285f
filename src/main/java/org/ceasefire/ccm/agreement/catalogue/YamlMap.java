package org.ceasefire.ccm.agreement.catalogue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read strictly, with every error tied to the line it stands on. Unknown keys are errors, so a
 * misspelt key is not silently ignored.
 */
final class YamlMap {

    private final String file;
    private final String path;
    private final MappingNode node;

    YamlMap(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        if (!(node instanceof MappingNode mapping)) {
            throw new CatalogueException(file, line(node), describe(path) + " must be a mapping of keys to values");
        }
        this.node = mapping;
        var seen = new java.util.HashSet<String>();
        for (NodeTuple tuple : mapping.getValue()) {
            var key = scalarText(tuple.getKeyNode());
            if (key != null && !seen.add(key)) {
                throw new CatalogueException(file, line(tuple.getKeyNode()), describe(path) + " has the key '" + key
                        + "' twice; remove one so it is clear which value counts");
            }
        }
    }

    int line() {
        return line(node);
    }

    CatalogueException error(String problem) {
        return new CatalogueException(file, line(), problem);
    }

    CatalogueException error(String key, String problem) {
        return new CatalogueException(file, find(key).map(YamlMap::line).orElse(line()), problem);
    }

    void allowOnly(Set<String> keys) {
        for (NodeTuple tuple : node.getValue()) {
            var key = scalarText(tuple.getKeyNode());
            if (!keys.contains(key)) {
                throw new CatalogueException(file, line(tuple.getKeyNode()), describe(path) + " has an unknown key '" + key
                        + "'; allowed keys are " + keys.stream().sorted().toList());
            }
        }
    }

    String requiredString(String key) {
        return string(key).orElseThrow(() -> error(describe(path) + " needs '" + key + "'"));
    }

    Optional<String> string(String key) {
        return find(key).map(value -> {
            if (!(value instanceof ScalarNode scalar)) {
                throw new CatalogueException(file, line(value), describe(path) + ": '" + key + "' must be a single value");
            }
            var text = scalar.getValue().strip();
            if (text.isEmpty()) {
                throw new CatalogueException(file, line(value), describe(path) + ": '" + key + "' is empty");
            }
            return text;
        });
    }

    int requiredInt(String key) {
        return integer(key).orElseThrow(() -> error(describe(path) + " needs '" + key + "'"));
    }

    Optional<Integer> integer(String key) {
        return string(key).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw error(key, describe(path) + ": '" + key + "' must be a whole number, not '" + text + "'");
            }
        });
    }

    Optional<LocalDate> date(String key) {
        return string(key).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw error(key, describe(path) + ": '" + key + "' must be a date like 2020-11-20, not '" + text + "'");
            }
        });
    }

    Optional<Instant> instant(String key) {
        return string(key).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw error(key, describe(path) + ": '" + key + "' must be an instant with an offset like"
                        + " 2020-11-10T00:00:00+03:00, not '" + text + "'");
            }
        });
    }

    <E extends Enum<E>> E requiredEnum(String key, Class<E> type) {
        var text = requiredString(key);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw error(key, describe(path) + ": " + key + " '" + text + "' is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    /** A list of scalars, each returned with its line. */
    List<Located<String>> strings(String key) {
        return sequence(key, (item, index) -> {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw new CatalogueException(file, line(item), describe(path) + ": each item of '" + key + "' must be a value");
            }
            return new Located<>(scalar.getValue().strip(), line(item));
        });
    }

    List<YamlMap> maps(String key) {
        return sequence(key, (item, index) -> new YamlMap(file, path + "." + key + "[" + index + "]", item));
    }

    Optional<YamlMap> map(String key) {
        return find(key).map(value -> new YamlMap(file, path + "." + key, value));
    }

    <T> T withContext(String context, Function<YamlMap, T> reader) {
        return reader.apply(new YamlMap(file, context, node));
    }

    private <T> List<T> sequence(String key, ItemReader<T> reader) {
        var value = find(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof SequenceNode sequence)) {
            throw new CatalogueException(file, line(value.get()), describe(path) + ": '" + key + "' must be a list");
        }
        var result = new ArrayList<T>();
        var items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            result.add(reader.read(items.get(i), i));
        }
        return result;
    }

    private Optional<Node> find(String key) {
        for (NodeTuple tuple : node.getValue()) {
            if (key.equals(scalarText(tuple.getKeyNode()))) {
                var value = tuple.getValueNode();
                if (value instanceof ScalarNode scalar && "null".equals(scalar.getTag().getValue().replace("tag:yaml.org,2002:", ""))) {
                    return Optional.empty();
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static @Nullable String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the file" : path;
    }

    private interface ItemReader<T> {
        T read(Node item, int index);
    }

    /** A value and the line it stands on. */
    record Located<T>(T value, int line) {}
}
