package com.insprl.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an {@link InsprlStub} on loopback for a {@code @SpringBootTest}, points the
 * starter at it (a primary {@code InsprlConnectionDetails} bean with its base URL and
 * test credentials, over the application's {@code insprl.*} properties or connection
 * details, so no real key is needed and nothing reaches insprl.com), and offers it as a
 * bean to script and verify. The stand-in is reset after each test method.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureInsprlStub
 * class OffboardingTests {
 *
 *     &#64;Autowired
 *     InsprlStub insprl;
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureInsprlStub {

}
