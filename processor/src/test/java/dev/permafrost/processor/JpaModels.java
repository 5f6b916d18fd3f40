package dev.permafrost.processor;

import java.util.Map;

/** JPA models, as their users write them, that the JPA reader is held against Hibernate's own generator with. */
final class JpaModels {

    private JpaModels() {
    }

    /** Shaped like Spring's veterinary-clinic sample: a mapped-superclass chain, identity ids, every relation kind. */
    static final Map<String, String> CLINIC = Map.ofEntries(
            Map.entry("clinic.BaseEntity", """
                    package clinic;
                    import jakarta.persistence.*;
                    @MappedSuperclass
                    public class BaseEntity {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
                    }
                    """),
            Map.entry("clinic.NamedEntity", """
                    package clinic;
                    import jakarta.persistence.*;
                    @MappedSuperclass
                    public class NamedEntity extends BaseEntity {
                        @Column(name = "name") private String name;
                    }
                    """),
            Map.entry("clinic.Person", """
                    package clinic;
                    import jakarta.persistence.*;
                    import jakarta.validation.constraints.NotNull;
                    @MappedSuperclass
                    public class Person extends BaseEntity {
                        @Column(name = "first_name") @NotNull private String firstName;
                        @Column(name = "last_name") @NotNull private String lastName;
                    }
                    """),
            Map.entry("clinic.Owner", """
                    package clinic;
                    import jakarta.persistence.*;
                    import java.util.*;
                    @Entity @Table(name = "owners")
                    public class Owner extends Person {
                        @Column(name = "address") private String address;
                        @Column(name = "city") private String city;
                        @Column(name = "telephone") private String telephone;
                        @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER) @JoinColumn(name = "owner_id")
                        @OrderBy("name") private List<Pet> pets = new ArrayList<>();
                    }
                    """),
            Map.entry("clinic.Pet", """
                    package clinic;
                    import jakarta.persistence.*;
                    import java.time.LocalDate;
                    import java.util.*;
                    @Entity @Table(name = "pets")
                    public class Pet extends NamedEntity {
                        @Column(name = "birth_date") private LocalDate birthDate;
                        @ManyToOne @JoinColumn(name = "type_id") private PetType type;
                        @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER) @JoinColumn(name = "pet_id")
                        @OrderBy("date ASC") private Set<Visit> visits = new LinkedHashSet<>();
                    }
                    """),
            Map.entry("clinic.PetType", """
                    package clinic;
                    import jakarta.persistence.*;
                    @Entity @Table(name = "types")
                    public class PetType extends NamedEntity {
                    }
                    """),
            Map.entry("clinic.Visit", """
                    package clinic;
                    import jakarta.persistence.*;
                    import jakarta.validation.constraints.NotNull;
                    import java.time.LocalDate;
                    @Entity @Table(name = "visits")
                    public class Visit extends BaseEntity {
                        @Column(name = "visit_date") private LocalDate date;
                        @NotNull private String description;
                    }
                    """),
            Map.entry("clinic.Vet", """
                    package clinic;
                    import jakarta.persistence.*;
                    import java.util.Set;
                    @Entity @Table(name = "vets")
                    public class Vet extends Person {
                        @ManyToMany(fetch = FetchType.EAGER)
                        @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
                                inverseJoinColumns = @JoinColumn(name = "specialty_id"))
                        private Set<Specialty> specialties;
                    }
                    """),
            Map.entry("clinic.Specialty", """
                    package clinic;
                    import jakarta.persistence.*;
                    @Entity @Table(name = "specialties")
                    public class Specialty extends NamedEntity {
                    }
                    """));

    /** Every other feature the reader maps, names derived (camelCase, defaults) so that the naming style shows. */
    static final Map<String, String> FEATURES = Map.ofEntries(
            Map.entry("shop.Status", """
                    package shop;
                    public enum Status { NEW, PAID, SHIPPED }
                    """),
            Map.entry("shop.Address", """
                    package shop;
                    import jakarta.persistence.*;
                    @Embeddable
                    public class Address {
                        private String streetLine;
                        @Column(length = 12) private String postCode;
                    }
                    """),
            Map.entry("shop.Cents", """
                    package shop;
                    import jakarta.persistence.*;
                    @Converter
                    public class Cents implements AttributeConverter<java.math.BigDecimal, Long> {
                        public Long convertToDatabaseColumn(java.math.BigDecimal value) { return null; }
                        public java.math.BigDecimal convertToEntityAttribute(Long value) { return null; }
                    }
                    """),
            Map.entry("shop.Customer", """
                    package shop;
                    import jakarta.persistence.*;
                    import jakarta.validation.constraints.*;
                    import java.math.BigDecimal;
                    import java.time.*;
                    import java.util.*;
                    @Entity
                    @Table(indexes = @Index(columnList = "lastName, firstName"),
                           uniqueConstraints = @UniqueConstraint(columnNames = {"firstName", "lastName", "born"}))
                    public class Customer {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        @Version private int version;
                        @NotNull @Size(max = 80) private String firstName;
                        @Column(nullable = false, length = 80) private String lastName;
                        @Column(unique = true) private String email;
                        private LocalDate born;
                        private LocalDateTime lastSeen;
                        private Instant createdAt;
                        private OffsetDateTime confirmedAt;
                        private UUID externalId;
                        @Column(precision = 10, scale = 2) private BigDecimal creditLimit;
                        private BigDecimal balance;
                        private double rating;
                        private Float score;
                        private boolean active;
                        private Short rank;
                        @Enumerated(EnumType.STRING) private Status status;
                        @Enumerated private Status ordinalStatus;
                        @Convert(converter = Cents.class) private BigDecimal allowance;
                        @Temporal(TemporalType.DATE) private Date legacyBirthday;
                        private Date legacySeen;
                        @Embedded private Address home;
                        @Embedded @AttributeOverrides({
                            @AttributeOverride(name = "streetLine", column = @Column(name = "work_street")),
                            @AttributeOverride(name = "postCode", column = @Column(name = "work_code", length = 12))})
                        private Address work;
                        @Transient private String scratch;
                        private transient String cache;
                        @ElementCollection private Set<String> tags;
                        @ElementCollection @CollectionTable(name = "customer_addresses") private List<Address> addresses;
                        @OneToOne private Account account;
                        @OneToMany(mappedBy = "customer") private List<PurchaseOrder> orders;
                        @ManyToMany private Set<Label> labels;
                        @ManyToMany @JoinTable(name = "customer_favourites") private List<Label> favourites;
                        private java.time.LocalTime usualHour;
                    }
                    """),
            Map.entry("shop.Account", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class Account {
                        @Id private String code;
                        @OneToOne(mappedBy = "account") private Customer customer;
                    }
                    """),
            Map.entry("shop.Label", """
                    package shop;
                    import jakarta.persistence.*;
                    import java.util.Set;
                    @Entity
                    public class Label {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
                        @Column(nullable = false, unique = true) private String name;
                        @ManyToMany(mappedBy = "labels") private Set<Customer> customers;
                    }
                    """),
            Map.entry("shop.PurchaseOrder", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class PurchaseOrder {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        @ManyToOne(optional = false) private Customer customer;
                        @ManyToOne @JoinColumn(name = "paid_with", referencedColumnName = "code") private Account paidWith;
                        @ManyToOne private Shipment shipment;
                    }
                    """),
            Map.entry("shop.LineKey", """
                    package shop;
                    import jakarta.persistence.*;
                    @Embeddable
                    public class LineKey {
                        private Long orderId;
                        private int lineNo;
                    }
                    """),
            Map.entry("shop.OrderLine", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class OrderLine {
                        @EmbeddedId private LineKey key;
                        private int quantity;
                    }
                    """),
            Map.entry("shop.LineNote", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class LineNote {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        @ManyToOne private OrderLine line;
                    }
                    """),
            Map.entry("shop.Shipment", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity @Inheritance
                    public abstract class Shipment {
                        @Id private Long id;
                        private String carrier;
                    }
                    """),
            Map.entry("shop.Parcel", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class Parcel extends Shipment {
                        private int weightGrams;
                        @Column(nullable = false) private String tracking;
                    }
                    """),
            Map.entry("shop.Pickup", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class Pickup extends Shipment {
                        private String counter;
                    }
                    """),
            Map.entry("shop.Payment", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity @Inheritance(strategy = InheritanceType.JOINED)
                    public class Payment {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        private long amount;
                    }
                    """),
            Map.entry("shop.CardPayment", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class CardPayment extends Payment {
                        private String lastDigits;
                    }
                    """),
            Map.entry("shop.Stock", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity @IdClass(Stock.Key.class)
                    public class Stock {
                        @Id private String warehouse;
                        @Id private String sku;
                        private int onHand;
                        public static class Key implements java.io.Serializable { String warehouse; String sku; }
                    }
                    """));

    /** Keys numbered by sequences, every way JPA names one: AUTO, SEQUENCE with and without a generator, hierarchies. */
    static final Map<String, String> SEQUENCES = Map.ofEntries(
            Map.entry("seq.Owner", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Owner {
                        @Id @GeneratedValue private Long id;
                        private String name;
                    }
                    """),
            Map.entry("seq.Visit", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Visit {
                        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private long id;
                        @ManyToOne private Owner owner;
                    }
                    """),
            Map.entry("seq.Invoice", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Invoice {
                        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoices")
                        @SequenceGenerator(name = "invoices", sequenceName = "invoice_numbers", initialValue = 1000,
                                allocationSize = 1)
                        private Integer number;
                    }
                    """),
            Map.entry("seq.Receipt", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    @SequenceGenerator(name = "receiptNumbers", allocationSize = 20)
                    public class Receipt {
                        @Id @GeneratedValue(generator = "receiptNumbers") private Long id;
                    }
                    """),
            Map.entry("seq.Audited", """
                    package seq;
                    import jakarta.persistence.*;
                    @MappedSuperclass
                    public class Audited {
                        @Id @GeneratedValue private Long id;
                        private java.time.Instant createdAt;
                    }
                    """),
            Map.entry("seq.Note", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Note extends Audited {
                        private String text;
                    }
                    """),
            Map.entry("seq.PetType", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class PetType extends Audited {
                        private String label;
                    }
                    """),
            Map.entry("seq.Animal", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity @Inheritance(strategy = InheritanceType.JOINED)
                    public class Animal {
                        @Id @GeneratedValue private Long id;
                    }
                    """),
            Map.entry("seq.Dog", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Dog extends Animal {
                        private boolean trained;
                    }
                    """),
            Map.entry("seq.Keeper", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity @Table(name = "PetKeepers")
                    public class Keeper {
                        @Id @GeneratedValue private Long id;
                    }
                    """),
            Map.entry("seq.Employee", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity(name = "Clerk") @Table(name = "desk_clerks")
                    public class Employee {
                        @Id @GeneratedValue private Long id;
                    }
                    """),
            Map.entry("seq.Temp", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity(name = "TempWorker")
                    public class Temp {
                        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                    }
                    """),
            Map.entry("seq.Depot", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    @SequenceGenerator(name = "crateIds", sequenceName = "crate_ids", allocationSize = 3)
                    public class Depot {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    }
                    """),
            Map.entry("seq.Crate", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Crate {
                        @Id @GeneratedValue(generator = "crateIds") private Long id;
                    }
                    """),
            Map.entry("seq.Vehicle", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Vehicle {
                        @Id @GeneratedValue private Long id;
                    }
                    """),
            Map.entry("seq.Truck", """
                    package seq;
                    import jakarta.persistence.*;
                    @Entity
                    public class Truck extends Vehicle {
                        private int axles;
                    }
                    """));

    /** Converters Hibernate applies without {@code @Convert} ({@code autoApply}), and where JPA says they do not apply. */
    static final Map<String, String> CONVERTERS = Map.ofEntries(
            Map.entry("conv.Level", """
                    package conv;
                    public enum Level { LOW, HIGH }
                    """),
            Map.entry("conv.LevelConverter", """
                    package conv;
                    import jakarta.persistence.*;
                    @Converter(autoApply = true)
                    public class LevelConverter implements AttributeConverter<Level, Integer> {
                        public Integer convertToDatabaseColumn(Level level) { return level == null ? null : level.ordinal() * 10; }
                        public Level convertToEntityAttribute(Integer code) { return code == null ? null : Level.values()[code / 10]; }
                    }
                    """),
            Map.entry("conv.Sku", """
                    package conv;
                    public record Sku(String value) {
                        @jakarta.persistence.Converter(autoApply = true)
                        public static class AsText implements jakarta.persistence.AttributeConverter<Sku, String> {
                            public String convertToDatabaseColumn(Sku sku) { return sku == null ? null : sku.value(); }
                            public Sku convertToEntityAttribute(String text) { return text == null ? null : new Sku(text); }
                        }
                    }
                    """),
            Map.entry("conv.Product", """
                    package conv;
                    import jakarta.persistence.*;
                    @Entity
                    public class Product {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        private Level level;
                        @Enumerated(EnumType.STRING) private Level shownLevel;
                        @Convert(disableConversion = true) private Level plainLevel;
                        @Column(length = 40) private Sku sku;
                    }
                    """));

    /** Hibernate's {@code @OnDelete} on each kind of foreign key it makes. */
    static final Map<String, String> ON_DELETE = Map.ofEntries(
            Map.entry("del.Album", """
                    package del;
                    import jakarta.persistence.*;
                    import org.hibernate.annotations.OnDelete;
                    import org.hibernate.annotations.OnDeleteAction;
                    @Entity
                    public class Album {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        @ElementCollection @OnDelete(action = OnDeleteAction.CASCADE) private java.util.Set<String> tags;
                        @ManyToMany @OnDelete(action = OnDeleteAction.CASCADE) private java.util.Set<Artist> artists;
                        @OneToMany @JoinColumn(name = "album_id") @OnDelete(action = OnDeleteAction.SET_NULL)
                        private java.util.List<Track> tracks;
                    }
                    """),
            Map.entry("del.Artist", """
                    package del;
                    import jakarta.persistence.*;
                    @Entity
                    public class Artist {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    }
                    """),
            Map.entry("del.Track", """
                    package del;
                    import jakarta.persistence.*;
                    import org.hibernate.annotations.OnDelete;
                    import org.hibernate.annotations.OnDeleteAction;
                    @Entity
                    public class Track {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        @ManyToOne(optional = false) @OnDelete(action = OnDeleteAction.CASCADE) private Artist artist;
                    }
                    """),
            Map.entry("del.Media", """
                    package del;
                    import jakarta.persistence.*;
                    @Entity @Inheritance(strategy = InheritanceType.JOINED)
                    public class Media {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    }
                    """),
            Map.entry("del.Video", """
                    package del;
                    import jakarta.persistence.*;
                    import org.hibernate.annotations.OnDelete;
                    import org.hibernate.annotations.OnDeleteAction;
                    @Entity @OnDelete(action = OnDeleteAction.CASCADE)
                    public class Video extends Media {
                        private int seconds;
                    }
                    """));
}
