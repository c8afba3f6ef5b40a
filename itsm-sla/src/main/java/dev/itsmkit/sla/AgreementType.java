package dev.itsmkit.sla;

/**
 * What kind of agreement an {@link SlaPolicy} measures, in ITIL's terms: whom the targets are
 * promised to. The engine counts every kind of agreement's clocks the same way; the kind tells
 * reports ({@link SlaReport.Dimension#AGREEMENT}) and people which promise a clock keeps.
 */
public enum AgreementType {
    /** A service level agreement: a promise to customers, the default. */
    SLA,
    /** An operational level agreement: a promise between internal groups of the provider. */
    OLA,
    /** An underpinning contract: a supplier's promise to the provider. */
    UNDERPINNING_CONTRACT
}
