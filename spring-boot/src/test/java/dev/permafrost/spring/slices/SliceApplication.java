package dev.permafrost.spring.slices;

import dev.permafrost.spring.jpa.Item;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/** The application the slice tests find, with the JPA entities' package. */
@SpringBootConfiguration
@AutoConfigurationPackage(basePackageClasses = Item.class)
public class SliceApplication {
}
