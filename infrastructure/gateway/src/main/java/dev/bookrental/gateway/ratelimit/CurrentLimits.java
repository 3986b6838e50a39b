package dev.bookrental.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The rate limits in force: bound from {@code bookrental.gateway.rate-limit} at start and again
 * after every configuration change that touches them (a {@code busrefresh} after editing
 * config/gateway.yml), so an operator tightens or loosens a limit without restarting a gateway.
 * A changed configuration that is not a valid limit is refused and the limits in force stay.
 */
class CurrentLimits implements ApplicationListener<EnvironmentChangeEvent> {

    static final String PREFIX = "bookrental.gateway.rate-limit";

    private static final Logger log = LoggerFactory.getLogger(CurrentLimits.class);

    private final Environment environment;
    private volatile RateLimitProperties limits;

    CurrentLimits(Environment environment) {
        this.environment = environment;
        this.limits = bind();
    }

    RateLimitProperties.Limit perUser() {
        return limits.perUser();
    }

    RateLimitProperties.Limit perClientIp() {
        return limits.perClientIp();
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(PREFIX))) {
            return;
        }
        try {
            limits = bind();
            log.info("Rate limits now: per user {}, per client address {}", limits.perUser(), limits.perClientIp());
        } catch (RuntimeException invalid) {
            log.error("Rate limits unchanged ({}, {}): the new configuration is not valid", limits.perUser(), limits.perClientIp(), invalid);
        }
    }

    private RateLimitProperties bind() {
        return Binder.get(environment).bindOrCreate(PREFIX, RateLimitProperties.class);
    }
}
