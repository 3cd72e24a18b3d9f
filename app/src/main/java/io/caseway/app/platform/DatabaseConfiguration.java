package io.caseway.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured PostgreSQL, or, where none answers and {@code caseway.database.embedded-fallback}
 * is true (the default for running Caseway on a laptop), an embedded PostgreSQL whose data lives
 * under {@code caseway.database.embedded-directory} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  @org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari") // pool size etc.
  DataSource dataSource(DataSourceProperties properties,
      @Value("${caseway.database.embedded-fallback:false}") boolean embeddedFallback,
      @Value("${caseway.database.embedded-directory:data/postgres}") Path embeddedDirectory,
      @Value("${caseway.database.embedded-port:54329}") int embeddedPort) {
    String url = properties.determineUrl();
    SQLException unreachable = probe(url, properties.determineUsername(), properties.determinePassword());
    if (unreachable == null) {
      return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
    if (!embeddedFallback) {
      throw new IllegalStateException("Cannot reach PostgreSQL at " + url + " (" + unreachable.getMessage()
          + "). Start it, point spring.datasource.url at yours, or set caseway.database.embedded-fallback=true",
          unreachable);
    }
    LOG.warn("No PostgreSQL answers at {} ({}); starting an embedded one on port {} with its data in {}", url,
        unreachable.getMessage(), embeddedPort, embeddedDirectory.toAbsolutePath());
    EmbeddedPostgres postgres = startEmbedded(embeddedDirectory.toAbsolutePath(), embeddedPort);
    HikariDataSource pool = new HikariDataSource() {
      @Override
      public void close() {
        super.close();
        try {
          postgres.close();
        } catch (IOException e) {
          LOG.warn("Stopping the embedded PostgreSQL failed", e);
        }
      }
    };
    pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=caseway");
    pool.setUsername("postgres");
    return pool;
  }

  private static SQLException probe(String url, String user, String password) {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    try (Connection ignored = DriverManager.getConnection(url, props)) {
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  private static EmbeddedPostgres startEmbedded(Path directory, int port) {
    try {
      Files.createDirectories(directory);
      return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
    }
  }
}
