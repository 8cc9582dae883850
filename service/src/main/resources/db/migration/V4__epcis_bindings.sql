-- EPCIS 2.0 REST bindings: the read model keeps every identifier in one canonical spelling (a GS1
-- key as its Digital Link on id.gs1.org, however it was written), exports each event under the
-- eventID its partner gave it, and numbers its changes for subscriptions. The read model is derived
-- from the ledger, so it is emptied here and rebuilt from block 0 by the feed at start-up.
DELETE FROM epcis_event_id;
DELETE FROM epcis_event;
DELETE FROM epcis_feed;

CREATE SEQUENCE epcis_event_seq;
-- The order in which events entered (or changed in) the read model: subscriptions deliver past it.
ALTER TABLE epcis_event ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX epcis_event_seq_index ON epcis_event (seq);
CREATE INDEX epcis_event_record ON epcis_event (record_time, digest);
CREATE INDEX epcis_event_read_point ON epcis_event (read_point);
CREATE INDEX epcis_event_biz_location ON epcis_event (biz_location);

-- Named queries of the REST bindings (/queries), one namespace per organisation.
CREATE TABLE epcis_named_query (
    msp_id          VARCHAR(64)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    definition      CLOB          NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (msp_id, name)
);

-- Webhook subscriptions to named queries: where and how to deliver, and how far delivery got.
-- Nothing is acknowledged to a subscriber twice by design, but a delivery interrupted by a restart
-- is sent again (at least once): last_seq advances only after the subscriber answered 2xx.
CREATE TABLE epcis_subscription (
    id               VARCHAR(36)   PRIMARY KEY,
    msp_id           VARCHAR(64)   NOT NULL,
    query_name       VARCHAR(200)  NOT NULL,
    username         VARCHAR(64)   NOT NULL,
    dest             VARCHAR(2048) NOT NULL,
    signature_token  VARCHAR(512),
    stream           BOOLEAN       NOT NULL,
    schedule         VARCHAR(1000),
    report_if_empty  BOOLEAN       NOT NULL,
    initial_record_time TIMESTAMP WITH TIME ZONE,
    epc_format       VARCHAR(32)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq         BIGINT        NOT NULL,
    min_record_time  TIMESTAMP WITH TIME ZONE,
    last_notified_at TIMESTAMP WITH TIME ZONE,
    next_run_at      TIMESTAMP WITH TIME ZONE,
    attempts         INT           NOT NULL,
    retry_at         TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(512)
);
CREATE INDEX epcis_subscription_query ON epcis_subscription (msp_id, query_name);

-- nextPageTokens a client released early (DELETE /nextPageToken/{token}), until they expire anyway.
CREATE TABLE epcis_page_token_released (
    token_id        VARCHAR(64)   PRIMARY KEY,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- GS1 company prefix lengths seen in EPC URNs: a Digital Link does not say where the prefix ends,
-- and GS1-EPC-Format: Always_EPC_URN needs to know.
CREATE TABLE epcis_company_prefix (
    prefix          VARCHAR(12)   PRIMARY KEY
);

-- The service's own secrets for EPCIS (the key that signs nextPageTokens).
CREATE TABLE epcis_secret (
    name            VARCHAR(64)   PRIMARY KEY,
    secret          VARCHAR(128)  NOT NULL
);
