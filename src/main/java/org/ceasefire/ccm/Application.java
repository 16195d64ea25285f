package org.ceasefire.ccm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ceasefire Monitor: tracks whether the obligations of a ceasefire agreement are kept. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "base")
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
