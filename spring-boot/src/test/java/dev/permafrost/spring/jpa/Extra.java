package dev.permafrost.spring.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity no migration creates: Hibernate would create it if it managed the schema. */
@Entity
public class Extra {

    @Id
    public Long id;
}
