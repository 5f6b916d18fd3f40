package com.acme;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootApplication
public class BootApp {

    public static void main(String[] args) {
        SpringApplication.run(BootApp.class, args);
    }

    /** Runs after start-up: the migrations must have made the table by then. */
    @Bean
    CommandLineRunner storePet(JdbcTemplate jdbc) {
        return args -> {
            jdbc.update("insert into pets (name) values (?)", "Rex");
            System.out.println("PETS " + jdbc.queryForObject("select count(*) from pets", Integer.class));
        };
    }

    /** Asks its own actuator endpoint over HTTP what Permafrost applied, prints the answer, and stops. */
    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
        ConfigurableApplicationContext context = event.getApplicationContext();
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/permafrost")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("ACTUATOR " + response.statusCode() + " " + response.body());
        new Thread(() -> System.exit(SpringApplication.exit(context))).start();
    }
}
