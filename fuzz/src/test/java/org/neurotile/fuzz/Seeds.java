package org.neurotile.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The valid documents the mutations start from, kept in this module's test resources under seeds/. */
public final class Seeds {
    private Seeds() {
    }

    public static String text(String name) {
        return resource(Seeds.class, "/seeds/" + name);
    }

    /** A resource of {@code owner}'s module, e.g. an energy table preset. */
    public static String resource(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
