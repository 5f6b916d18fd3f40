package dev.permafrost.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** {@code /actuator/permafrost} when actuator is on the class path and the endpoint is enabled and exposed. */
@AutoConfiguration(after = PermafrostAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(PermafrostEndpoint.class)
public class PermafrostEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(PermafrostMigrators.class)
    @ConditionalOnMissingBean
    public PermafrostEndpoint permafrostEndpoint(ApplicationContext context) {
        return new PermafrostEndpoint(context);
    }
}
