package io.heitu.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every stable code the chaincode refuses with reaches people in both languages: a title and a
 * detail in zh-CN and English, and an HTTP status of its own. The codes are read from the
 * chaincode's source (the service never imports chaincode classes), as the golden wire files are.
 */
class ProblemTextsTest {

    private static final Path ERROR_CODES =
            Path.of("..", "chaincode", "src", "main", "java", "io", "heitu", "chaincode", "core", "ErrorCode.java");

    @Test
    void every_chaincode_error_code_has_zh_and_en_texts_and_a_status() throws IOException {
        List<String> codes = chaincodeCodes();
        Properties zh = load("/messages.properties");
        Properties en = load("/messages_en.properties");

        assertThat(codes).contains("LOT_ON_HOLD", "DUPLICATE_EVENT", "GS1_PREFIX_TAKEN");
        for (String code : codes) {
            for (String part : List.of(".title", ".detail")) {
                assertThat(zh.getProperty("problem." + code + part))
                        .as("zh %s%s", code, part)
                        .isNotBlank();
                assertThat(en.getProperty("problem." + code + part))
                        .as("en %s%s", code, part)
                        .isNotBlank();
            }
            assertThat(ProblemCode.all()).as("status of %s", code).contains(code);
        }
    }

    private static List<String> chaincodeCodes() throws IOException {
        String source = Files.readString(ERROR_CODES);
        String body = source.substring(source.indexOf('{') + 1, source.lastIndexOf('}'));
        String withoutComments = body.replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher constant = Pattern.compile("\\b([A-Z][A-Z0-9_]+)\\s*[,;]").matcher(withoutComments);
        List<String> codes = new java.util.ArrayList<>();
        while (constant.find()) {
            codes.add(constant.group(1));
        }
        return codes;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemTextsTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
