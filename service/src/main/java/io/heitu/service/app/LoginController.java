package io.heitu.service.app;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The zh/en sign-in page; Spring Security handles the POST. A failure comes back with {@code ?error}
 * and the user name kept (in the session, not the address), so only the password is typed again.
 */
@Controller
class LoginController {

    /** Where the failure handler leaves the name that was tried. */
    public static final String TRIED_USERNAME = "heitu.login.username";

    /** The bare address (the README's http://localhost:8080) opens the web app, which asks to sign in first. */
    @GetMapping("/")
    String home() {
        return "redirect:/app";
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String locked,
            HttpSession session,
            Model model) {
        model.addAttribute("loginError", error != null || locked != null);
        model.addAttribute("loginLocked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        Object tried = session.getAttribute(TRIED_USERNAME);
        if (tried instanceof String username) {
            session.removeAttribute(TRIED_USERNAME);
            model.addAttribute("loginUsername", username);
        }
        return "app/login";
    }
}
