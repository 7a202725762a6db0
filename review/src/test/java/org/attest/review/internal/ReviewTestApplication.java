package org.attest.review.internal;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/** The review and audit modules as the application wires them, without the HTTP edge. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan({"org.attest.audit", "org.attest.review"})
@ConfigurationPropertiesScan({"org.attest.audit", "org.attest.review"})
class ReviewTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
