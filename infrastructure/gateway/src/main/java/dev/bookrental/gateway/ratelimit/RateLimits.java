package dev.bookrental.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import io.lettuce.core.ClientOptions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.bookrental.gateway.problem.ProblemWriter;

/**
 * Rate limiting at the gateway with Redis, two limits on every request:
 * <ul>
 * <li>per client address, before the token is checked: it also holds back a client that floods
 * the gateway with bad tokens (each one costs a signature check);</li>
 * <li>per signed-in user (the token's subject), after the check: a user's limit follows the user
 * across addresses and gateway instances.</li>
 * </ul>
 * Why not Spring Cloud Gateway's {@code RequestRateLimiter} filter: it limits routed requests only,
 * after authentication, answers 429 with no body and no {@code Retry-After}, and keeps one limit per
 * route, where two are wanted. These filters use its token-bucket script and its {@link KeyResolver}
 * contract all the same.
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {

    /**
     * The order of Spring Security's web filter chain ({@code WebFluxSecurityConfiguration}'s
     * package-private {@code WEB_FILTER_CHAIN_FILTER_ORDER}); the limits run just before and just after it.
     */
    private static final int SECURITY = -100;

    /**
     * While the connection to Redis is down, a check fails at once (and so lets the request pass)
     * instead of queueing in Lettuce until the reconnect or the command timeout.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    TokenBuckets tokenBuckets(ReactiveStringRedisTemplate redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> tokenBucketScript) {
        return new TokenBuckets(redis, tokenBucketScript);
    }

    @Bean
    CurrentLimits currentLimits(Environment environment) {
        return new CurrentLimits(environment);
    }

    @Bean
    RateLimitFilter perClientIpRateLimit(CurrentLimits limits, TokenBuckets buckets, ProblemWriter problems) {
        return new RateLimitFilter("client-ip", SECURITY - 1, RateLimits::clientIp, limits::perClientIp, buckets, problems);
    }

    @Bean
    RateLimitFilter perUserRateLimit(CurrentLimits limits, TokenBuckets buckets, ProblemWriter problems) {
        return new RateLimitFilter("user", SECURITY + 1, RateLimits::tokenSubject, limits::perUser, buckets, problems);
    }

    /**
     * The address the connection comes from. Behind a load balancer that is the balancer's: a
     * deployment then takes the client's from {@code X-Forwarded-For} of trusted proxies
     * (Spring Cloud Gateway's {@code XForwardedRemoteAddressResolver}).
     */
    static Mono<String> clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? Mono.empty() : Mono.just(remote.getAddress().getHostAddress());
    }

    /** The subject of a verified access token; none for a request without one. */
    static Mono<String> tokenSubject(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken().getSubject());
    }
}
