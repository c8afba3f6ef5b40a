package dev.itsmkit.core.cmdb;

/**
 * How one configuration item relates to another in a {@link Relationship} "source type target",
 * and in which direction a failure spreads along it. Read each constant as a sentence: "the web
 * application RUNS_ON the virtual machine".
 *
 * <table>
 * <caption>Which item is impacted when the other fails</caption>
 * <tr><th>relationship</th><th>if the target fails</th><th>if the source fails</th></tr>
 * <tr><td>A {@code DEPENDS_ON} B</td><td>A is impacted</td><td>B is not</td></tr>
 * <tr><td>A {@code RUNS_ON} B</td><td>A is impacted</td><td>B is not</td></tr>
 * <tr><td>A {@code CONNECTS_TO} B</td><td>A is impacted</td><td>B is not</td></tr>
 * <tr><td>A {@code PART_OF} B</td><td>A is not</td><td>B is impacted</td></tr>
 * </table>
 *
 * <p>No relationship spreads a failure both ways. Where two items truly need each other, record two
 * relationships, one each way.
 */
public enum RelationshipType {
    /**
     * The source needs the target to work: "the order service DEPENDS_ON the payment gateway". A
     * failure of the target impacts the source.
     */
    DEPENDS_ON(true),
    /**
     * The source is hosted by the target: "the database RUNS_ON the virtual machine", "the virtual
     * machine RUNS_ON the host". A failure of the target impacts the source.
     */
    RUNS_ON(true),
    /**
     * The source opens connections to the target: "the application CONNECTS_TO the database", "the
     * server CONNECTS_TO the switch". The source is the side that initiates and needs the
     * connection, so, as with {@link #DEPENDS_ON}, a failure of the target impacts the source; a
     * failure of the source does not impact the target, which merely loses a client.
     */
    CONNECTS_TO(true),
    /**
     * The source is a part of the target, which is the whole: "the node PART_OF the cluster", "the
     * disk PART_OF the storage array". A failure of the part impacts the whole (it is degraded if not
     * down); a failure of the whole is not spread to its parts, which are reported on their own.
     */
    PART_OF(false);

    private final boolean targetImpactsSource;

    RelationshipType(boolean targetImpactsSource) {
        this.targetImpactsSource = targetImpactsSource;
    }

    /**
     * Tells in which direction a failure spreads along a relationship of this type.
     *
     * @return {@code true} if a failure of the target impacts the source ({@link #DEPENDS_ON},
     *     {@link #RUNS_ON}, {@link #CONNECTS_TO}); {@code false} if a failure of the source impacts
     *     the target ({@link #PART_OF})
     */
    public boolean targetImpactsSource() {
        return targetImpactsSource;
    }
}
