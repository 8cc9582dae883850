package io.heitu.service.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code ?lang=en} or {@code ?lang=zh} on any web-app page switches the language for the rest of
 * the visit. Only the two languages the texts exist in are accepted, so a crafted value cannot
 * leave a page half in a third locale.
 */
@Configuration(proxyBeanMethods = false)
class AppLanguage implements WebMvcConfigurer {

    private final LocaleResolver locales;

    AppLanguage(LocaleResolver locales) {
        this.locales = locales;
    }

    static Locale of(String lang) {
        return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        String lang = request.getParameter("lang");
                        if (lang != null && !lang.isBlank()) {
                            locales.setLocale(request, response, of(lang));
                        }
                        return true;
                    }
                })
                .addPathPatterns("/app", "/app/**", "/login");
    }
}
