/**
 * The compatibility kit of the ITSM Kit persistence SPI: abstract JUnit 5 classes that a store
 * adapter's tests extend.
 */
module dev.itsmkit.persistence.tck {
    requires static org.jspecify;
    requires transitive dev.itsmkit.persistence;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires quicktheories;

    exports dev.itsmkit.persistence.tck;
    // JUnit finds and calls the inherited test methods reflectively
    opens dev.itsmkit.persistence.tck to org.junit.platform.commons;
}
