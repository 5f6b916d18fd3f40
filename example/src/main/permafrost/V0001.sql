-- Permafrost schema snapshot V0001: baseline
-- Generated from the entities and frozen: never edit this file. To change the schema, change
-- the entities and compile; Permafrost writes the next snapshot and its migration.
-- format: 1
-- entity bugs: dev.permafrost.example.Bug
-- entity features: dev.permafrost.example.Feature
-- entity products: dev.permafrost.example.Product
-- entity sync_events: dev.permafrost.example.SyncEvent
-- entity tests: dev.permafrost.example.TestRun
-- entity users: dev.permafrost.example.User

create table bugs (
    id bigint not null,
    test_id bigint not null,
    title varchar(200) not null,
    severity varchar(10) not null,
    description text,
    reported_at timestamp with time zone not null,
    constraint pk_bugs primary key (id),
    constraint fk_bugs_test_id_tests foreign key (test_id) references tests (id) on delete cascade
);
create index ix_bugs_test_id on bugs (test_id);

create table features (
    id bigint not null,
    product_id bigint not null,
    name varchar(120) not null,
    enabled boolean not null default true,
    constraint pk_features primary key (id),
    constraint fk_features_product_id_products foreign key (product_id) references products (id)
);
create unique index ix_features_product_id_name on features (product_id, name);

create table products (
    id bigint not null,
    customer_id bigint not null,
    name varchar(120) not null,
    created_at timestamp with time zone not null default current_timestamp,
    constraint pk_products primary key (id)
);
create index ix_products_customer_id on products (customer_id);

create table sync_events (
    id uuid not null,
    customer_id bigint not null,
    kind varchar(40) not null,
    payload text,
    occurred_at timestamp with time zone not null,
    constraint pk_sync_events primary key (id)
);
create index ix_sync_events_customer_id on sync_events (customer_id);

create table tests (
    id bigint not null,
    product_id bigint not null,
    title varchar(200) not null,
    status varchar(20) not null default 'QUEUED',
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    constraint pk_tests primary key (id),
    constraint fk_tests_product_id_products foreign key (product_id) references products (id) on delete cascade
);
create index ix_tests_product_id on tests (product_id);

create table users (
    id bigint not null,
    customer_id bigint not null,
    email varchar(254) not null,
    display_name varchar(120),
    created_at timestamp with time zone not null default current_timestamp,
    constraint pk_users primary key (id),
    constraint uq_users_email unique (email)
);
create index ix_users_customer_id on users (customer_id);
