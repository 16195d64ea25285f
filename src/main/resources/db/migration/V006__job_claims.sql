-- A scheduled job's run claimed by one node before it starts, so that on several nodes a run happens once. A claim
-- whose node went quiet (it died before finishing) may be taken over once it is old enough; the run's own result (an
-- archived week, say) tells whether it finished.
create table job_claim (
    job        varchar(64)  not null,
    run_key    varchar(128) not null,
    claimed_by varchar(200) not null,
    claimed_at timestamp(6) with time zone not null,
    primary key (job, run_key)
);
