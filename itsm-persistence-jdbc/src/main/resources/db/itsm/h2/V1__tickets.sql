-- ITSM Kit: ticket snapshots and the columns their queries use.
-- Identifiers use the binary collation, H2's default, which orders as Java's String.compareTo does
-- (the stores' paging order breaks ties by ticket id).
CREATE TABLE itsm_ticket (
    tenant           VARCHAR(128) NOT NULL,
    id               VARCHAR(128) NOT NULL,
    kind             SMALLINT     NOT NULL, -- TicketKind order: 0 INCIDENT, 1 SERVICE_REQUEST, 2 PROBLEM, 3 CHANGE
    number_seq       BIGINT       NOT NULL,
    version          BIGINT       NOT NULL,
    state_name       VARCHAR(128) NOT NULL,
    state_category   VARCHAR(16)  NOT NULL,
    priority         SMALLINT     NOT NULL, -- 1 highest
    assignee         VARCHAR(160), -- PartyKind:id
    assignment_group VARCHAR(160),
    service          VARCHAR(128),
    created_s        BIGINT       NOT NULL, -- epoch second and nanosecond: instants are kept to the nanosecond
    created_n        INTEGER      NOT NULL,
    updated_s        BIGINT       NOT NULL,
    updated_n        INTEGER      NOT NULL,
    snapshot         CLOB         NOT NULL, -- the whole ticket, in itsm-jackson's form
    CONSTRAINT itsm_ticket_pk PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX itsm_ticket_by_number ON itsm_ticket (tenant, kind, number_seq);
CREATE INDEX itsm_ticket_created ON itsm_ticket (tenant, created_s, created_n, id);
CREATE INDEX itsm_ticket_updated ON itsm_ticket (tenant, updated_s, updated_n, id);
CREATE INDEX itsm_ticket_category ON itsm_ticket (tenant, state_category, updated_s, updated_n, id);
CREATE INDEX itsm_ticket_assignee ON itsm_ticket (tenant, assignee, state_category);
CREATE INDEX itsm_ticket_group ON itsm_ticket (tenant, assignment_group, state_category);
CREATE INDEX itsm_ticket_priority ON itsm_ticket (tenant, priority, state_category);
CREATE INDEX itsm_ticket_service ON itsm_ticket (tenant, service, state_category);

-- the configuration items a ticket affects, one row each
CREATE TABLE itsm_ticket_ci (
    tenant    VARCHAR(128) NOT NULL,
    ticket_id VARCHAR(128) NOT NULL,
    ci        VARCHAR(128) NOT NULL,
    CONSTRAINT itsm_ticket_ci_pk PRIMARY KEY (tenant, ci, ticket_id)
);
CREATE INDEX itsm_ticket_ci_ticket ON itsm_ticket_ci (tenant, ticket_id);

-- every field a ticket holds (built-in and custom, as Ticket.field reads them), by the SHA-256 of the
-- value's canonical form: an exact match on any value, however long, in a fixed-width index
CREATE TABLE itsm_ticket_field (
    tenant     VARCHAR(128) NOT NULL,
    ticket_id  VARCHAR(128) NOT NULL,
    name       VARCHAR(128) NOT NULL,
    value_hash CHAR(64)     NOT NULL,
    CONSTRAINT itsm_ticket_field_pk PRIMARY KEY (tenant, ticket_id, name)
);
CREATE INDEX itsm_ticket_field_value ON itsm_ticket_field (tenant, name, value_hash, ticket_id);

-- the number sequences, per tenant and kind
CREATE TABLE itsm_ticket_number (
    tenant   VARCHAR(128) NOT NULL,
    kind     SMALLINT     NOT NULL,
    last_seq BIGINT       NOT NULL,
    CONSTRAINT itsm_ticket_number_pk PRIMARY KEY (tenant, kind)
);
