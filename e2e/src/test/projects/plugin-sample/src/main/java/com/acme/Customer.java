package com.acme;

import dev.permafrost.annotations.Column;
import dev.permafrost.annotations.Id;
import dev.permafrost.annotations.Table;

@Table(name = "customers")
public class Customer {
    @Id
    long id;

    @Column(length = 80, nullable = false)
    String name;
}
