-- Dashboards read rollups kept up to date in the transaction that files or reviews a report, never scans of the
-- report table (a GROUP BY over a million reports takes seconds). Each rollup holds, per agreement, local day, its
-- own keys and layer (V: verified reports, U: submitted ones awaiting review), the number of reports, sums of their
-- figures, and where a dashboard needs one report's figure (the day's latest claim, the earliest completion) that
-- report's instant, id and value. Rows are never deleted; a row whose reports fall to 0 counts for nothing.

alter table obligation add column district varchar(200);

-- lists of one area's reports newest first (exchange ledger, incident list, drill-downs), read a chunk at a time along
-- the index: the id breaks ties in observation time. Lists of every area (the latest reports) use report_observed_idx;
-- each index costs every filed report a page write, so there is no second one for them.
create index report_area_observed_idx on report (agreement_code, area, observed_at, id);

create table dash_exchange_day (
    agreement_code   varchar(64)  not null,
    local_day date         not null,
    released_by      varchar(16)  not null,
    received_by      varchar(16)  not null,
    basis            varchar(12)  not null,
    layer            char(1)      not null,
    reports          int          not null,
    prisoners_of_war bigint       not null,
    civilians        bigint       not null,
    bodies           bigint       not null,
    primary key (agreement_code, local_day, released_by, received_by, basis, layer)
);

create table dash_return_day (
    agreement_code varchar(64)  not null,
    local_day date         not null,
    source_name    varchar(200) not null,
    basis          varchar(12)  not null,
    direction      varchar(12)  not null,
    layer          char(1)      not null,
    reports        int          not null,
    persons        bigint       not null,
    ext_at         timestamp(6) with time zone,
    ext_id         varchar(36),
    ext_number     bigint,
    ext_text       varchar(16),
    primary key (agreement_code, local_day, source_name, basis, direction, layer)
);

create table dash_corridor_day (
    agreement_code varchar(64)  not null,
    local_day date         not null,
    corridor       varchar(16)  not null,
    direction      varchar(12)  not null,
    layer          char(1)      not null,
    reports        int          not null,
    vehicles       bigint       not null,
    persons        bigint       not null,
    cargo_kg       bigint       not null,
    ext_at         timestamp(6) with time zone,
    ext_id         varchar(36),
    ext_number     bigint,
    ext_text       varchar(16),
    primary key (agreement_code, local_day, corridor, direction, layer)
);

create table dash_incident_day (
    agreement_code  varchar(64) not null,
    local_day date        not null,
    alleged_against varchar(16) not null,
    layer           char(1)     not null,
    reports         int         not null,
    killed          bigint      not null,
    wounded         bigint      not null,
    denied          bigint      not null,
    confirmed       bigint      not null,
    refuted         bigint      not null,
    primary key (agreement_code, local_day, alleged_against, layer)
);

create table dash_withdrawal_day (
    agreement_code varchar(64)  not null,
    local_day date         not null,
    handover       varchar(210) not null,
    layer          char(1)      not null,
    reports        int          not null,
    ext_at         timestamp(6) with time zone,
    ext_id         varchar(36),
    ext_number     bigint,
    ext_text       varchar(16),
    primary key (agreement_code, local_day, handover, layer)
);

-- which version of the rollup rules, and which local zone (days are local days), the tables were built with; a node
-- that finds others rebuilds them. Writers lock this row too, so that none writes while a rebuild runs.
create table dash_rollup_state (
    id       int         primary key,
    version  int         not null,
    zone     varchar(64) not null,
    built_at timestamp(6) with time zone
);
insert into dash_rollup_state (id, version, zone) values (1, 0, '');
