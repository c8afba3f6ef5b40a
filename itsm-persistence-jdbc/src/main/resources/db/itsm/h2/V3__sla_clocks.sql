-- ITSM Kit: SLA clock snapshots, one per ticket, target and cycle.
CREATE TABLE itsm_sla_clock (
    tenant    VARCHAR(128) NOT NULL,
    ticket_id VARCHAR(128) NOT NULL,
    target    VARCHAR(128) NOT NULL,
    cycle     INTEGER      NOT NULL,
    clock     CLOB         NOT NULL,
    CONSTRAINT itsm_sla_clock_pk PRIMARY KEY (tenant, ticket_id, target, cycle)
);
