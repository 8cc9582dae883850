-- EPCIS 2.0 off the ledger: the read model that answers EPCIS queries and recall reports, kept
-- current by following the chaincode's events (the ledger stays the source of truth: this can be
-- dropped and rebuilt from block 0), and the capture jobs of the EPCIS capture interface.

-- One row per event on the ledger, keyed by the hex digest of its CBV 2.0 hash ID.
CREATE TABLE epcis_event (
    digest          CHAR(64)      PRIMARY KEY,
    event_id        VARCHAR(120)  NOT NULL,
    source_event_id VARCHAR(512),
    event_type      VARCHAR(200)  NOT NULL,
    action          VARCHAR(16),
    event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    record_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    biz_step        VARCHAR(512),
    disposition     VARCHAR(512),
    read_point      VARCHAR(512),
    biz_location    VARCHAR(512),
    verified        BOOLEAN       NOT NULL,
    recorded_by     VARCHAR(64)   NOT NULL,
    tx_id           VARCHAR(128)  NOT NULL,
    body            VARCHAR(1000000) NOT NULL
);
CREATE INDEX epcis_event_time ON epcis_event (event_time, digest);
CREATE INDEX epcis_event_record_time ON epcis_event (record_time);
CREATE INDEX epcis_event_step ON epcis_event (biz_step, event_time);
CREATE INDEX epcis_event_source_id ON epcis_event (source_event_id);

-- Every identifier an event names, by where it names it: epc (epcList), child (childEPCs), parent
-- (parentID), input/output (inputEPCList/outputEPCList), class (quantityList, childQuantityList),
-- inputClass/outputClass, and lot (the traceability lots it touches, as canonical Digital Links).
CREATE TABLE epcis_event_id (
    digest          CHAR(64)      NOT NULL REFERENCES epcis_event (digest),
    field           VARCHAR(16)   NOT NULL,
    id              VARCHAR(512)  NOT NULL,
    PRIMARY KEY (digest, field, id)
);
CREATE INDEX epcis_event_id_by_id ON epcis_event_id (id, field);

-- How far the read model has followed the ledger.
CREATE TABLE epcis_feed (
    id              INT           PRIMARY KEY,
    last_block      BIGINT        NOT NULL
);

-- Capture jobs: a document accepted with 202 is captured in ledger transactions of up to 100
-- events; errors are RFC 9457 problem details, one per refused event.
CREATE TABLE epcis_capture_job (
    id              VARCHAR(36)   PRIMARY KEY,
    username        VARCHAR(64)   NOT NULL,
    msp_id          VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    running         BOOLEAN       NOT NULL,
    success         BOOLEAN       NOT NULL,
    error_behaviour VARCHAR(16)   NOT NULL,
    event_count     INT           NOT NULL,
    captured        INT           NOT NULL,
    errors          CLOB          NOT NULL,
    results         CLOB          NOT NULL
);
CREATE INDEX epcis_capture_job_user ON epcis_capture_job (username, created_at);
