package com.acme;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
@Table(name = "pets")
public class Pet {
    @Id @GeneratedValue
    Long id;

    String name;

    LocalDate born;

    @ManyToOne(optional = false)
    Owner owner;
}
