-- ITSM Kit: due timers, claimed by nodes under a lease with a fencing token.
CREATE TABLE itsm_timer (
    tenant    VARCHAR(128) NOT NULL,
    timer_id  VARCHAR(128) NOT NULL,
    ticket_id VARCHAR(128) NOT NULL,
    due_s     BIGINT       NOT NULL,
    due_n     INTEGER      NOT NULL,
    wake_s    BIGINT       NOT NULL, -- when it is next claimable: the due instant, or the lease end of a claim
    wake_n    INTEGER      NOT NULL,
    node      VARCHAR(128),          -- the claiming node, null while unclaimed
    token     BIGINT       NOT NULL, -- the fencing token of the current claim, 0 while unclaimed
    timer     CLOB         NOT NULL,
    CONSTRAINT itsm_timer_pk PRIMARY KEY (tenant, timer_id)
);
CREATE INDEX itsm_timer_ticket ON itsm_timer (tenant, ticket_id);
-- the one index without the tenant first: due timers are a queue across tenants
CREATE INDEX itsm_timer_wake ON itsm_timer (wake_s, wake_n, tenant, timer_id);
CREATE SEQUENCE itsm_timer_token;
