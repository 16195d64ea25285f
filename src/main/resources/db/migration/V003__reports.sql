-- Monitors' reports. The id is chosen by the client and is the idempotency key: the primary key is what makes a
-- retried submission, even a concurrent one, stored once.
create table report (
    id             uuid          primary key,
    agreement_code varchar(64)   not null,
    area           varchar(24)   not null,
    observed_at    timestamp(6) with time zone not null,
    observed_until timestamp(6) with time zone,
    location_name  varchar(200),
    district       varchar(200),
    lat            double precision,
    lon            double precision,
    summary        varchar(4000) not null,
    source_name    varchar(200)  not null,
    source_kind    varchar(20)   not null,
    source_party   varchar(16)   references party (code),
    reliability    varchar(1),
    credibility    int,
    source_url     varchar(2000),
    details_json   varchar(20000) not null,
    status         varchar(16)   not null,
    submitted_by   varchar(64)   not null,
    received_at    timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    create_hash    varchar(64)   not null,
    version        bigint        not null,
    constraint report_area_check check (area in ('WITHDRAWAL', 'PEACEKEEPING', 'CEASEFIRE', 'PRISONER_EXCHANGE',
        'REFUGEE_RETURN', 'CORRIDOR_TRAFFIC', 'TRANSPORT_LINKS', 'OTHER')),
    constraint report_status_check check (status in ('SUBMITTED', 'RETURNED', 'VERIFIED', 'REJECTED')),
    constraint report_source_kind_check check (source_kind in ('OWN_OBSERVATION', 'OFFICIAL', 'UN', 'NGO', 'MEDIA', 'OTHER')),
    constraint report_reliability_check check (reliability is null or reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
    constraint report_credibility_check check (credibility is null or credibility between 1 and 6),
    constraint report_lat_check check (lat is null or lat between -90 and 90),
    constraint report_lon_check check (lon is null or lon between -180 and 180),
    constraint report_period_check check (observed_until is null or observed_until >= observed_at),
    constraint report_summary_check check (length(trim(summary)) > 0)
);

create index report_status_received_idx on report (status, received_at);
create index report_observed_idx on report (observed_at);
create index report_submitted_by_idx on report (submitted_by, received_at);

create table report_obligation (
    report_id       uuid        not null references report (id) on delete cascade,
    position        int         not null,
    obligation_code varchar(16) not null,
    primary key (report_id, position)
);

create index report_obligation_code_idx on report_obligation (obligation_code);

create table report_review (
    report_id   uuid          not null references report (id) on delete cascade,
    position    int           not null,
    decision    varchar(10)   not null,
    reason      varchar(4000),
    reviewer    varchar(64)   not null,
    reviewed_at timestamp(6) with time zone not null,
    primary key (report_id, position),
    constraint report_review_decision_check check (decision in ('VERIFY', 'REJECT', 'RETURN')),
    constraint report_review_reason_check check (decision = 'VERIFY' or (reason is not null and length(trim(reason)) > 0))
);
