package io.heitu.service.problem;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Chinese first: zh-CN unless the client asks for English. API clients ask with Accept-Language;
 * people in the web app choose a language once ({@code ?lang=en}) and keep it in a cookie. The web
 * app's pages ignore Accept-Language, as the consumer page does: a phone set to English should not
 * switch a Chinese farmer's forms, and a shared phone at a collection point keeps the language
 * chosen on it.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig {

    static final String COOKIE = "heitu-lang";

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();
        header.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        header.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocaleFunction(request ->
                isWebApp(request.getRequestURI()) ? Locale.SIMPLIFIED_CHINESE : header.resolveLocale(request));
        return resolver;
    }

    /** The web app's pages; everything else (API, resolver JSON, EPCIS) negotiates as before. */
    private static boolean isWebApp(String path) {
        return path.equals("/app") || path.startsWith("/app/") || path.equals("/login");
    }
}
