package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Problems;
import dev.itsmkit.core.internal.Texts;
import java.net.URI;

/**
 * A reference to a file attached to a ticket. ITSM Kit keeps only the reference; the bytes live
 * wherever the embedding application stores files.
 *
 * @param name the file's name as the user sees it, one line, 1 to 255 characters
 * @param mediaType the media type, for example {@code image/png}
 * @param sizeBytes the size in bytes, zero or more
 * @param location where the application keeps the file
 */
public record Attachment(String name, String mediaType, long sizeBytes, URI location) {
    /**
     * Creates the value, checking its components.
     *
     * @param name the file's name
     * @param mediaType the media type, {@code type/subtype}
     * @param sizeBytes the size in bytes
     * @param location where the file is kept
     * @throws ValidationException if a component is invalid
     */
    public Attachment {
        requireNonNull(name, "name");
        requireNonNull(mediaType, "mediaType");
        requireNonNull(location, "location");
        Problems problems = new Problems();
        Texts.checkLine(problems, "name", name, 255, true);
        problems.require(mediaType.matches("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"),
                "mediaType", mediaType, "must be a media type such as text/plain");
        problems.require(sizeBytes >= 0, "sizeBytes", sizeBytes, "must be zero or more");
        problems.throwIfAny("attachment");
    }
}
