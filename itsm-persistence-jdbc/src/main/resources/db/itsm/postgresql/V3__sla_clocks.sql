-- ITSM Kit: SLA clock snapshots, one per ticket, target and cycle.
CREATE TABLE itsm_sla_clock (
    tenant    VARCHAR(128) COLLATE "C" NOT NULL,
    ticket_id VARCHAR(128) COLLATE "C" NOT NULL,
    target    VARCHAR(128) COLLATE "C" NOT NULL,
    cycle     INTEGER      NOT NULL,
    clock     JSONB        NOT NULL,
    CONSTRAINT itsm_sla_clock_pk PRIMARY KEY (tenant, ticket_id, target, cycle)
);
