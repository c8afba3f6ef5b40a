package dev.itsmkit.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a service request holds beyond the common fields: the catalogue item requested and the
 * person it is for. The answers of the item's request form are the ticket's custom fields.
 * Immutable and thread-safe.
 */
public final class RequestDetails implements TicketDetails {
    /** Details with nothing set. */
    public static final RequestDetails EMPTY = new RequestDetails(null, null);

    private final @Nullable CatalogueItemId catalogueItem;
    private final @Nullable Party requestedFor;

    private RequestDetails(@Nullable CatalogueItemId catalogueItem, @Nullable Party requestedFor) {
        this.catalogueItem = catalogueItem;
        this.requestedFor = requestedFor;
    }

    @Override
    public TicketKind kind() {
        return TicketKind.SERVICE_REQUEST;
    }

    /**
     * Returns the catalogue item requested.
     *
     * @return the item, or empty for a request outside the catalogue
     */
    public Optional<CatalogueItemId> catalogueItem() {
        return Optional.ofNullable(catalogueItem);
    }

    /**
     * Returns the person the request is for, when it is not the requester.
     *
     * @return that person, or empty
     */
    public Optional<Party> requestedFor() {
        return Optional.ofNullable(requestedFor);
    }

    /**
     * Returns a copy with the catalogue item set or cleared.
     *
     * @param catalogueItem the item, or empty
     * @return the changed details
     */
    public RequestDetails withCatalogueItem(Optional<CatalogueItemId> catalogueItem) {
        return new RequestDetails(catalogueItem.orElse(null), requestedFor);
    }

    /**
     * Returns a copy with the beneficiary set or cleared.
     *
     * @param requestedFor the person, or empty
     * @return the changed details
     */
    public RequestDetails withRequestedFor(Optional<Party> requestedFor) {
        return new RequestDetails(catalogueItem, requestedFor.orElse(null));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestDetails other && Objects.equals(catalogueItem, other.catalogueItem)
                && Objects.equals(requestedFor, other.requestedFor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalogueItem, requestedFor);
    }

    @Override
    public String toString() {
        return "RequestDetails[catalogueItem=" + catalogueItem + ", requestedFor=" + requestedFor + "]";
    }
}
