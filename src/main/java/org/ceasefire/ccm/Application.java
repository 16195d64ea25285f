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

    /** H2's JVM-wide cache of values read (see {@link #main}); set it on the command line to override. */
    static final String H2_OBJECT_CACHE = "h2.objectCache";

    public static void main(String[] args) {
        // H2 hashes every string it reads to share equal values through a small cache. Reading a week of a million
        // reports for the briefing CSV, that was a quarter of the database's time (docs/benchmarks.md, "Briefing
        // benchmark"); without it the export is about 15 % faster. Set before any H2 class is loaded.
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
        SpringApplication.run(Application.class, args);
    }
}
