package vn.laichau.hlg.tracker.account;

import java.util.List;
import java.util.Map;

/**
 * Names the browser and operating system of a User-Agent header, for the sessions page ("Chrome trên
 * Android"). Only the common browsers and systems are told apart; anything else is unknown (null).
 */
final class UserAgents {

    /** A browser and the system it runs on; either is null when not recognised. */
    record Device(String browser, String system) {
    }

    /** Checked in order: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg", "Edge"),
            Map.entry("OPR/", "Opera"),
            Map.entry("SamsungBrowser/", "Samsung Internet"),
            Map.entry("coc_coc_browser/", "Cốc Cốc"),
            Map.entry("Firefox/", "Firefox"),
            Map.entry("FxiOS/", "Firefox"),
            Map.entry("CriOS/", "Chrome"),
            Map.entry("Chrome/", "Chrome"),
            Map.entry("Chromium/", "Chromium"),
            Map.entry("Safari/", "Safari"));

    /** Checked in order: Android also says "Linux", iOS also says "Mac OS X". */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"),
            Map.entry("iPhone", "iOS"),
            Map.entry("iPad", "iPadOS"),
            Map.entry("Windows", "Windows"),
            Map.entry("CrOS", "ChromeOS"),
            Map.entry("Mac OS X", "macOS"),
            Map.entry("Macintosh", "macOS"),
            Map.entry("Linux", "Linux"));

    private UserAgents() {
    }

    static Device describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device(null, null);
        }
        return new Device(first(BROWSERS, userAgent), first(SYSTEMS, userAgent));
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent) {
        return names.stream().filter(name -> userAgent.contains(name.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
