package io.heitu.service.app;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.UserAccount;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every web-app page shows: who is signed in, the page's language and the link to the other. */
@ControllerAdvice(basePackageClasses = AppModel.class)
class AppModel {

    private final CurrentUser user;
    private final Directory directory;

    AppModel(CurrentUser user, Directory directory) {
        this.user = user;
        this.directory = directory;
    }

    @ModelAttribute("me")
    Me me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof UserDetails)) {
            return null;
        }
        UserAccount account = user.account();
        String organisation = Directory.nameOf(directory.organisations(user.enrollment()), account.mspId());
        return new Me(account.username(), account.mspId(), account.role(), organisation);
    }

    /** No field has failed yet; a form that checked its fields replaces this. */
    @ModelAttribute("errors")
    FieldErrors errors() {
        return FieldErrors.none();
    }

    @ModelAttribute("lang")
    String lang() {
        return english() ? "en" : "zh-CN";
    }

    /** The same page in the other language, its other query parameters kept. */
    @ModelAttribute("switchHref")
    String switchHref(HttpServletRequest request) {
        StringBuilder href =
                new StringBuilder(request.getRequestURI()).append("?lang=").append(english() ? "zh" : "en");
        if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
            for (String parameter : request.getQueryString().split("&")) {
                if (!parameter.startsWith("lang=")) {
                    href.append('&').append(parameter);
                }
            }
        }
        return href.toString();
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
