-- Each week's briefing as it was produced on the Monday after, in every format, kept unchanged with its SHA-256 so
-- that what was sent can be shown to be what is stored. The week is the key: on several nodes the first to insert
-- it archives the week, and the others find it done.
create table briefing_archive (
    agreement_code varchar(64)  not null,
    iso_week       varchar(8)   not null,
    cut_off        timestamp(6) with time zone not null,
    produced_at    timestamp(6) with time zone not null,
    produced_by    varchar(64)  not null,
    pdf            blob         not null,
    pdf_sha256     varchar(64)  not null,
    docx           blob         not null,
    docx_sha256    varchar(64)  not null,
    xlsx           blob         not null,
    xlsx_sha256    varchar(64)  not null,
    csv            blob         not null,
    csv_sha256     varchar(64)  not null,
    primary key (agreement_code, iso_week)
);
