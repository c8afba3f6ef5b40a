-- ITSM Kit: the append-only audit trail, with the hash chain of dev.itsmkit.persistence.AuditChain.
CREATE TABLE itsm_event (
    tenant        VARCHAR(128) COLLATE "C" NOT NULL,
    ticket_id     VARCHAR(128) COLLATE "C" NOT NULL,
    seq           BIGINT       NOT NULL,
    at_s          BIGINT       NOT NULL,
    at_n          INTEGER      NOT NULL,
    event         JSONB        NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    CONSTRAINT itsm_event_pk PRIMARY KEY (tenant, ticket_id, seq)
);
CREATE INDEX itsm_event_time ON itsm_event (tenant, at_s, at_n, ticket_id, seq);
