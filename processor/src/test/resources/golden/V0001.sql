-- Permafrost schema snapshot V0001: baseline
-- Generated from the entities and frozen: never edit this file. To change the schema, change
-- the entities and compile; Permafrost writes the next snapshot and its migration.
-- format: 1
-- entity categories: com.acme.shop.Category
-- entity product_categories: com.acme.shop.ProductCategory
-- entity products: com.acme.shop.Product

create table categories (
    id bigint not null,
    title varchar(60) not null,
    parent_id bigint,
    constraint pk_categories primary key (id)
);

create table product_categories (
    product_id bigint not null,
    category_id bigint not null,
    sort_order integer not null,
    constraint pk_product_categories primary key (product_id, category_id),
    constraint fk_product_categories_category_id_categories foreign key (category_id) references categories (id) on delete restrict on update cascade,
    constraint fk_product_categories_product_id_products foreign key (product_id) references products (id) on delete cascade
);

create table products (
    id bigint not null,
    sku varchar(40) not null,
    name varchar(255) not null default 'unnamed',
    price decimal(10, 2) default 0,
    cost decimal(38, 2),
    active boolean not null,
    flags smallint not null,
    rank smallint not null,
    stock integer not null,
    views bigint not null,
    weight real not null,
    ratio double precision not null,
    featured boolean,
    shelf smallint,
    aisle integer,
    barcode bigint,
    rating real,
    score double precision,
    notes text,
    code varchar(255),
    thumbnail blob,
    external_id uuid,
    launched_on date,
    opens_at time,
    updated_at timestamp,
    created_at timestamp with time zone,
    reviewed_at timestamp with time zone,
    status varchar(12),
    imported_at timestamp with time zone not null default current_timestamp,
    customer_id bigint,
    constraint pk_products primary key (id),
    constraint uq_products_sku unique (sku),
    constraint ck_products_positive_price check (price >= 0)
);
create index ix_products_customer_id on products (customer_id);
create unique index ix_products_name_launch on products (name, launched_on);
