package io.heitu.service.app;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The zh/en sign-in page; Spring Security handles the POST, failures come back with {@code ?error}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "app/login";
    }
}
