package dev.tandem.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the server's own pages and of the {@code message} of its HTTP errors, in the
 * reader's language (from {@code Accept-Language}; English by default). They come from the same
 * catalogues as the editor's (webapp/src/i18n/{language}.json, packaged as
 * {@code dev/tandem/i18n/} on the class path): adding a language is adding one file, which both
 * sides find by themselves. The server uses the {@code server.*} and {@code error.*} keys; error
 * codes ({@code "error":…}) are machine words and never translated. Immutable, shared by all threads.
 */
final class Messages {

    static final String DEFAULT_LANGUAGE = "en";

    private static final String DIRECTORY = "dev/tandem/i18n/";
    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    /** Every catalogue, by language tag; loaded once, as the class is. */
    private static final Map<String, Messages> CATALOGUES = loadAll();

    private final String language;
    private final Map<String, String> words;
    private final Map<String, String> fallback;

    private Messages(String language, Map<String, String> words, Map<String, String> fallback) {
        this.language = language;
        this.words = words;
        this.fallback = fallback;
    }

    /** The catalogue for the reader of {@code request}. */
    static Messages of(HttpServletRequest request) {
        return forAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** The catalogue for an {@code Accept-Language} header (RFC 9110, 12.5.4), English if none fits. */
    static Messages forAcceptLanguage(String header) {
        List<String> preferred = new ArrayList<>();
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                        preferred.add(range.getRange());
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a header we cannot read asks for nothing in particular
            }
        }
        return CATALOGUES.get(match(preferred, CATALOGUES.keySet()));
    }

    /** The languages there are catalogues for. */
    static Collection<String> languages() {
        return Collections.unmodifiableSet(CATALOGUES.keySet());
    }

    /**
     * The catalogue to use among {@code available} for a reader who prefers {@code preferred}
     * (best first): for each preference in turn, the same tag, else the same language in another
     * region ("pt" or "pt-PT" finds "pt-BR"); English when nothing fits. The pages match
     * {@code navigator.languages} the same way (webapp/src/i18n/catalogue.js, matchLanguage).
     */
    static String match(List<String> preferred, Collection<String> available) {
        for (String wanted : preferred) {
            String tag = wanted.toLowerCase(Locale.ROOT);
            String language = tag.split("-", 2)[0];
            String related = null;
            for (String candidate : available) {
                String lower = candidate.toLowerCase(Locale.ROOT);
                if (lower.equals(tag)) {
                    return candidate;
                }
                if (related == null && lower.split("-", 2)[0].equals(language)) {
                    related = candidate;
                }
            }
            if (related != null) {
                return related;
            }
        }
        return DEFAULT_LANGUAGE;
    }

    /** The language tag of these words, for {@code lang} and {@code Content-Language}. */
    String language() {
        return language;
    }

    /**
     * The text of {@code key}, its {@code {placeholders}} filled from {@code params}, given as
     * name, value, name, value… A key missing here comes from English, else shows as itself.
     */
    String text(String key, Object... params) {
        String text = words.getOrDefault(key, fallback.getOrDefault(key, key));
        if (params.length == 0) {
            return text;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            values.put(String.valueOf(params[i]), String.valueOf(params[i + 1]));
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.getOrDefault(placeholder.group(1), placeholder.group());
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }

    /** {@code text(key, params)} escaped for HTML text and attribute values. */
    String html(String key, Object... params) {
        return escape(text(key, params));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Map<String, Messages> loadAll() {
        Map<String, Map<String, String>> words = new TreeMap<>();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            for (String language : catalogueLanguages()) {
                words.put(language, read(jsonb, language));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the catalogues in " + DIRECTORY, e);
        }
        Map<String, String> english = words.getOrDefault(DEFAULT_LANGUAGE, Map.of());
        Map<String, Messages> catalogues = new TreeMap<>();
        words.forEach((language, own) -> catalogues.put(language, new Messages(language, own, english)));
        catalogues.putIfAbsent(DEFAULT_LANGUAGE, new Messages(DEFAULT_LANGUAGE, english, english));
        return Collections.unmodifiableMap(catalogues);
    }

    /** The flat string entries of one catalogue (plural texts are the pages' only). */
    private static Map<String, String> read(Jsonb jsonb, String language) throws IOException {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(DIRECTORY + language + ".json")) {
            if (in == null) {
                throw new IOException("no catalogue " + DIRECTORY + language + ".json");
            }
            Map<?, ?> json = jsonb.fromJson(in, Map.class);
            Map<String, String> words = new TreeMap<>();
            json.forEach((key, value) -> {
                if (value instanceof String text) {
                    words.put((String) key, text);
                }
            });
            return Collections.unmodifiableMap(words);
        }
    }

    /**
     * The languages of the {@code *.json} files beside English's: the class path is a directory
     * (an unpacked WAR's {@code WEB-INF/classes}, the build's {@code target/classes}) or a jar.
     */
    private static List<String> catalogueLanguages() throws IOException {
        URL english = Messages.class.getClassLoader().getResource(DIRECTORY + DEFAULT_LANGUAGE + ".json");
        List<String> names = new ArrayList<>();
        if (english == null) {
            LOG.warning("no catalogue " + DIRECTORY + DEFAULT_LANGUAGE + ".json: messages will show their keys");
            return names;
        }
        if (english.getProtocol().equals("file")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(english.toURI()).getParent(), "*.json")) {
                files.forEach(file -> names.add(file.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if (english.openConnection() instanceof JarURLConnection jar) {
            jar.setUseCaches(false); // a JarFile of our own, which we may close
            try (JarFile file = jar.getJarFile()) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(DIRECTORY) && name.endsWith(".json") && name.indexOf('/', DIRECTORY.length()) < 0) {
                        names.add(name.substring(DIRECTORY.length()));
                    }
                }
            }
        } else {
            LOG.log(Level.WARNING, "cannot list the catalogues at {0}: English only", english);
            names.add(DEFAULT_LANGUAGE + ".json");
        }
        return names.stream().map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
    }
}
