package dev.itsmkit.persistence;

import static java.util.Objects.requireNonNull;

/**
 * Where the next page of a query starts: an opaque token, made by a store and only meaningful to
 * the store that made it, for the query it was made for. It may travel through a URL or a form:
 * it holds only URL-safe characters.
 *
 * @param token the store's encoding of the last item of a page; callers must not parse it
 */
public record Cursor(String token) {
    /**
     * Creates the value, checking its components.
     *
     * @param token the store's encoding, 1 to 1024 URL-safe characters ({@code A-Z a-z 0-9 - _ . ~})
     * @throws IllegalArgumentException if {@code token} is empty, too long or not URL-safe
     */
    public Cursor {
        requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > 1024) {
            throw new IllegalArgumentException("a cursor token has 1 to 1024 characters, got " + token.length());
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean safe = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (!safe) {
                throw new IllegalArgumentException("a cursor token holds only URL-safe characters, got '" + token + "'");
            }
        }
    }

    @Override
    public String toString() {
        return token;
    }
}
