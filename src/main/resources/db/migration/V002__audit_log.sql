-- The append-only audit log. Each entry's hash covers its content and its predecessor's hash.
create table audit_entry (
    seq          bigint        primary key,
    recorded_at  timestamp(6) with time zone not null,
    actor        varchar(64)   not null,
    action       varchar(40)   not null,
    object_type  varchar(40)   not null,
    object_id    varchar(100)  not null,
    before_state varchar(100000),
    after_state  varchar(100000),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);

create index audit_entry_object_idx on audit_entry (object_type, object_id);

-- One row: the end of the chain. Writers lock it, which orders the chain across threads and nodes.
create table audit_head (
    id        int         primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint audit_head_single_row check (id = 1)
);

insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
