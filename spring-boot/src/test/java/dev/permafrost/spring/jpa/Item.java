package dev.permafrost.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The shop migrations' {@code items} table as an entity. */
@Entity
@Table(name = "items")
public class Item {

    @Id
    public Long id;

    public String name;

    public Integer price;
}
