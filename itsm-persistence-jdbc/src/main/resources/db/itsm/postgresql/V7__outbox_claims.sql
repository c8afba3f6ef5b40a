-- ITSM Kit: per-ticket claims of the outbox, so that of several nodes draining a channel only one delivers a
-- ticket's entries at a time, in position order. A claim is a lease: it ends when the node acknowledges the
-- last entry it was handed (through_position), or when it expires and another node may take the ticket over.
CREATE TABLE itsm_outbox_claim (
    channel          VARCHAR(256) COLLATE "C" NOT NULL,
    tenant           VARCHAR(128) COLLATE "C" NOT NULL,
    ticket_id        VARCHAR(128) COLLATE "C" NOT NULL,
    node             VARCHAR(128) COLLATE "C" NOT NULL,
    until_s          BIGINT       NOT NULL, -- the lease's end: epoch second and nanosecond
    until_n          INTEGER      NOT NULL,
    through_position BIGINT       NOT NULL, -- the last entry handed out under this claim
    CONSTRAINT itsm_outbox_claim_pk PRIMARY KEY (channel, tenant, ticket_id)
);
CREATE INDEX itsm_outbox_claim_through ON itsm_outbox_claim (channel, through_position);
