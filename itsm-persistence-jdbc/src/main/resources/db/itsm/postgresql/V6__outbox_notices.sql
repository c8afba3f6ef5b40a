-- ITSM Kit: what an outbox entry asks of the notifiers (OutboxEntry.notice), in columns that queries and
-- reports can read ("which notifications went to whom"). The entry's JSON holds the same notice and is what
-- the store reads back. Rows written before V6, and announcements, have no notice: all three stay NULL.
ALTER TABLE itsm_outbox ADD COLUMN notice_name VARCHAR(128) COLLATE "C";
-- the channel the notification asks for (email, pager...), not a delivery channel of itsm_outbox_delivery
ALTER TABLE itsm_outbox ADD COLUMN notice_channel VARCHAR(128) COLLATE "C";
-- the recipients in order, each KIND:id as in itsm_ticket.assignee, separated by commas (an id holds no comma)
ALTER TABLE itsm_outbox ADD COLUMN notice_recipients TEXT COLLATE "C";
ALTER TABLE itsm_outbox ADD CONSTRAINT itsm_outbox_notice
    CHECK (notice_name IS NOT NULL OR (notice_channel IS NULL AND notice_recipients IS NULL));
