package org.ceasefire.ccm.briefing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Briefings are composed off the UI thread, two at a time at most, so that a rush of briefers cannot starve the node. */
@Configuration
class BriefingConfig {

    static final String EXECUTOR = "briefingExecutor";

    @Bean(name = EXECUTOR)
    ThreadPoolTaskExecutor briefingExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("briefing-");
        executor.initialize();
        return executor;
    }
}
