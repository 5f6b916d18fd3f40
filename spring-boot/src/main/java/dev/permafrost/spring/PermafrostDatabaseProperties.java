package dev.permafrost.spring;

/**
 * The settings {@code permafrost.*} and each {@code permafrost.instances.<name>.*} have in common, all unset by
 * default (an instance's unset ones are the top level's).
 */
public abstract class PermafrostDatabaseProperties {

    /** The version to migrate up to; the newest when unset. A database already past it is left as it is. */
    private Integer targetVersion;

    /** The package of the migrations to apply, when the class path holds the migrations of several modules. */
    private String migrationsPackage;

    /** JDBC URL of the database to migrate, instead of the application's DataSource. */
    private String url;

    /** Login user of the database given by url. */
    private String user;

    /** Login password of the database given by url (never logged or printed). */
    private String password;

    public Integer getTargetVersion() {
        return targetVersion;
    }

    public void setTargetVersion(Integer targetVersion) {
        this.targetVersion = targetVersion;
    }

    public String getMigrationsPackage() {
        return migrationsPackage;
    }

    public void setMigrationsPackage(String migrationsPackage) {
        this.migrationsPackage = migrationsPackage;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
