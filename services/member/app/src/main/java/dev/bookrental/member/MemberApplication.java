package dev.bookrental.member;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The member service: profiles and their points, kept as a ledger. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "member", version = "1",
        description = "Member profiles and their points. Errors are RFC 9457 problems (application/problem+json)."))
public class MemberApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberApplication.class, args);
    }
}
