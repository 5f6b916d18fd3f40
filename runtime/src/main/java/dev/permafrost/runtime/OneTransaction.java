package dev.permafrost.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a migration stub: run it in one transaction with the plain DDL, without the lock-safe steps that let writers of
 * a populated PostgreSQL or MariaDB table go on ({@code Migrator.configure(..).lockSafeDdl(false)} does this for every
 * migration). For a migration whose tables are small, or that must be all or nothing. Add it before the stub ships:
 * like any edit, it changes the stub's checksum.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OneTransaction {
}
