package com.insprl.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that uses the starter, as a user's would.
 */
@SpringBootApplication
public class TestApplication {

}
