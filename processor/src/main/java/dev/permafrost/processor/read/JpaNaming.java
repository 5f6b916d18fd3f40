package dev.permafrost.processor.read;

/**
 * How JPA entities' tables and columns are named when they are derived, or written in {@code @Table(name)} and
 * {@code @Column(name)} ({@code -Apermafrost.jpa.naming}). Both follow JPA's implicit names (a table is named after
 * its entity, a join column {@code <field>_<referenced column>}, a collection table {@code <Entity>_<field>}); they
 * differ in what happens to every name afterwards, as Hibernate's physical naming strategy does. Permafrost then
 * lower-cases the name, as the databases do with unquoted names.
 */
public enum JpaNaming {
    /**
     * Spring Boot's default: {@code CamelCaseToUnderscoresNamingStrategy} ({@code firstName} → {@code first_name},
     * {@code PetType} → {@code pet_type}) and {@code SpringImplicitNamingStrategy}, whose join tables are
     * {@code <owner table>_<field>}.
     */
    SPRING,
    /** Hibernate's own default: names as written ({@code firstName}), join tables {@code <owner table>_<target table>}. */
    HIBERNATE;

    /** The physical name of a logical one. */
    public String physical(String logical) {
        if (this == HIBERNATE) {
            return logical;
        }
        StringBuilder name = new StringBuilder(logical.replace('.', '_'));
        for (int i = 1; i < name.length() - 1; i++) {
            if (underscoreBetween(name.charAt(i - 1), name.charAt(i), name.charAt(i + 1))) {
                name.insert(i++, '_');
            }
        }
        return name.toString();
    }

    private static boolean underscoreBetween(char before, char current, char after) {
        return (Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                && (Character.isLowerCase(after) || Character.isDigit(after));
    }

    /**
     * The logical name of a join table JPA derives: Spring's {@code <owner's physical table>_<field>}, or JPA's
     * {@code <owner table>_<target table>}.
     */
    public String joinTable(String ownerPhysicalTable, String ownerTable, String field, String targetTable) {
        return this == SPRING ? ownerPhysicalTable + "_" + field : ownerTable + "_" + targetTable;
    }
}
