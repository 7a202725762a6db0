package org.attest.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The command line of {@link AuditTool}: a command, then {@code --name value} options and {@code --flag}s. */
final class ToolArguments {

    private static final Set<String> FLAGS = Set.of("--dry-run");

    private final String command;
    private final Map<String, List<String>> options;

    private ToolArguments(String command, Map<String, List<String>> options) {
        this.command = command;
        this.options = options;
    }

    static ToolArguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + name);
            }
            if (FLAGS.contains(name)) {
                options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (i + 1 < args.length) {
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return new ToolArguments(args[0], options);
    }

    String command() {
        return command;
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(command + " needs " + name));
    }

    Optional<String> optional(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " given more than once");
        }
        return values.stream().findFirst();
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }
}
