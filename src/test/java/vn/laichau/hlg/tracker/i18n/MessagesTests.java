package vn.laichau.hlg.tracker.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a user reads comes from the message files, in Vietnamese and in English: no text written
 * into a template, and no key missing from either file.
 */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    /** Text between tags that contains a letter. */
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
    /** Attributes read by people or assistive technology, written as literals. */
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile("\\s(title|placeholder|alt|aria-label|value)=\"([^\"]*\\p{L}[^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = withoutComments(Files.readString(template));
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                problems.add(template + ": text \"" + text.group(1).strip() + "\"");
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                problems.add(template + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bothMessageFilesHaveTheSameKeys() throws IOException {
        Set<String> vietnamese = keys("messages.properties");
        Set<String> english = keys("messages_en.properties");

        assertThat(difference(vietnamese, english)).as("keys missing from messages_en.properties").isEmpty();
        assertThat(difference(english, vietnamese)).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> known = keys("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!known.contains(key.group(1))) {
                    missing.add(template + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> known = keys("messages.properties");
        Pattern quoted = Pattern.compile("\"((?:account|plan|layout|login|home|error|admin|report|review|dashboard|export|period|unit|agency|audit|notification)\\.[A-Za-z0-9_.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher key = quoted.matcher(Files.readString(file));
                while (key.find()) {
                    if (!known.contains(key.group(1)) && !key.group(1).endsWith(".")) {
                        missing.add(file.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void vietnameseIsTheDefaultAndCarriesItsDiacritics() throws IOException {
        Properties vietnamese = load("messages.properties");
        assertThat(vietnamese.getProperty("plan.lead")).isEqualTo("Cơ quan chủ trì");
        assertThat(vietnamese.getProperty("layout.demoBanner")).startsWith("DỮ LIỆU MẪU");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static String withoutComments(String html) {
        return html.replaceAll("(?s)<!--.*?-->", "");
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
