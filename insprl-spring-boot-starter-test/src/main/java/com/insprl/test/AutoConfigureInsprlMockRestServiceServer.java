package com.insprl.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code MockRestServiceServer} of its own to the insprl client of a
 * {@code @SpringBootTest}, offered as the bean {@code insprlMockRestServiceServer}: the
 * insprl client's requests, the client key included, go to it and not to the network.
 * <p>
 * It is apart from Spring Boot's {@code @AutoConfigureMockRestServiceServer}, which binds
 * its server to the application's own clients only: a test may use both, and inject this
 * one by name. Without Spring Boot's, this one is also the {@code MockRestServiceServer}
 * injected by type. Its expectations are reset after each test method. <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureInsprlMockRestServiceServer
 * class OffboardingTests {
 *
 *     &#64;Autowired
 *     MockRestServiceServer insprl;
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureInsprlMockRestServiceServer {

}
