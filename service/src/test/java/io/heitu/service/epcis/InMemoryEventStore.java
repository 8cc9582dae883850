package io.heitu.service.epcis;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The EPCIS read model on a private in-memory H2 database with the service's own migrations. */
public final class InMemoryEventStore {

    private InMemoryEventStore() {}

    public static EventStore create(JsonMapper json) {
        return open(json).store();
    }

    /** The store and its database, for a test that sets the database up as an older version left it. */
    public record Opened(EventStore store, JdbcClient jdbc) {}

    public static Opened open(JsonMapper json) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        EpcisSettings settings = new EpcisSettings(
                500,
                1_048_576,
                1_000,
                java.time.Duration.ofHours(24),
                7,
                java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(5),
                List.of());
        return new Opened(
                new EventStore(
                        jdbc,
                        new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                        json,
                        new CompanyPrefixes(jdbc, settings)),
                jdbc);
    }
}
