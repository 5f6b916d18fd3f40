package dev.permafrost.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.permafrost.runtime.internal.JdbcUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form of credential a JDBC URL carries is masked; everything else is kept as written. */
class JdbcUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db/app?user=app&password=s3cr3t|jdbc:postgresql://db/app?user=app&password=***",
        "jdbc:postgresql://db/app?password=s3cr3t&user=app|jdbc:postgresql://db/app?password=***&user=app",
        "jdbc:mariadb://db/app?user=root&PASSWORD=s3cr3t&ssl=true|jdbc:mariadb://db/app?user=root&PASSWORD=***&ssl=true",
        "jdbc:mysql://root:s3cr3t@db:3306/app|jdbc:mysql://root:***@db:3306/app",
        "jdbc:postgresql://app:s3cr3t@db/app?sslmode=require|jdbc:postgresql://app:***@db/app?sslmode=require",
        "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;PASSWORD=s3cr3t|jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;PASSWORD=***",
        "jdbc:sqlserver://db;user=sa;pwd=s3cr3t;encrypt=true|jdbc:sqlserver://db;user=sa;pwd=***;encrypt=true",
        "jdbc:mysql://db/app?pass=s3cr3t|jdbc:mysql://db/app?pass=***",
        "connect to jdbc:postgresql://db/app?password=s3cr3t failed|connect to jdbc:postgresql://db/app?password=*** failed",
        "jdbc:postgresql://127.0.0.1:5432/test|jdbc:postgresql://127.0.0.1:5432/test",
        "jdbc:sqlite:/tmp/app.db|jdbc:sqlite:/tmp/app.db"})
    void masksEveryPassword(String url, String masked) {
        assertEquals(masked, JdbcUrl.masked(url));
    }
}
