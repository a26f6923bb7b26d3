package vn.laichau.hlg.tracker.reorganisation;

import vn.laichau.hlg.tracker.shared.SearchText;
import vn.laichau.hlg.tracker.unit.UnitLevel;

import java.util.Locale;
import java.util.Optional;

/** A unit's level as an import file writes it: {@code PROVINCE}, {@code DISTRICT}, {@code COMMUNE}, or tỉnh, huyện, xã. */
final class UnitLevels {

    private UnitLevels() {
    }

    static Optional<UnitLevel> of(String text) {
        String word = SearchText.fold(text.strip()).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "PROVINCE", "TINH" -> Optional.of(UnitLevel.PROVINCE);
            case "DISTRICT", "HUYEN" -> Optional.of(UnitLevel.DISTRICT);
            case "COMMUNE", "XA" -> Optional.of(UnitLevel.COMMUNE);
            default -> Optional.empty();
        };
    }
}
