package dev.scorecards.reviews;

import dev.scorecards.errors.ServiceError;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * A review's period: the calendar week (ISO 8601: Monday to Sunday, numbered by ISO week-based year),
 * month or quarter in UTC that contains a day. Its figures are those stored before its end, the
 * start of the next period; {@code last} is its last day.
 */
public record Period(String kind, LocalDate start, LocalDate last, String label) {

    /** Reads {@code period} (default month) and {@code at} (default today, UTC), refusing bad ones naming the field. */
    public static Period of(String period, String at, LocalDate today) {
        String kind = period == null || period.isBlank() ? "month" : period.trim().toLowerCase(Locale.ROOT);
        LocalDate day;
        try {
            day = at == null || at.isBlank() ? today : LocalDate.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw ServiceError.input("Invalid at '" + at + "': a date such as 2026-11-30");
        }
        return switch (kind) {
            case "week" -> week(day);
            case "month" -> month(day);
            case "quarter" -> quarter(day);
            default -> throw ServiceError.input("Invalid period '" + period + "': week, month or quarter");
        };
    }

    private static Period week(LocalDate day) {
        LocalDate start = day.with(DayOfWeek.MONDAY);
        return new Period("week", start, start.plusDays(6), String.format(Locale.ROOT, "%d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    private static Period month(LocalDate day) {
        LocalDate start = day.withDayOfMonth(1);
        return new Period("month", start, start.plusMonths(1).minusDays(1),
                start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear());
    }

    private static Period quarter(LocalDate day) {
        int q = (day.getMonthValue() - 1) / 3;
        LocalDate start = LocalDate.of(day.getYear(), q * 3 + 1, 1);
        return new Period("quarter", start, start.plusMonths(3).minusDays(1), day.getYear() + "-Q" + (q + 1));
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        LocalDate day = start.minusDays(1);
        return switch (kind) {
            case "week" -> week(day);
            case "quarter" -> quarter(day);
            default -> month(day);
        };
    }

    /** The first instant after the period: figures stored before it belong to the period's end. */
    public Instant end() {
        return last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant begin() {
        return start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
