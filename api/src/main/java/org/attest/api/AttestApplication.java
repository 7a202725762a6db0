package org.attest.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Attest. Component and configuration scanning cover every module under {@code org.attest}. */
@SpringBootApplication(scanBasePackages = "org.attest")
@ConfigurationPropertiesScan("org.attest")
public class AttestApplication {

    public static void main(String[] args) {
        // A PHI system never phones home: keep DJL from probing the network even if the launcher forgot the flag.
        System.setProperty("ai.djl.offline", "true");
        SpringApplication.run(AttestApplication.class, args);
    }
}
