package dev.newsflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * ISO-8601 text of the times in events, the very text {@code java.time} writes ({@link Instant#toString()},
 * {@link OffsetDateTime#toString()}) and the very values it reads, without {@code DateTimeFormatter}: every stage
 * reads and writes a few times per article, and the formatter's parsing (a map of fields resolved per call) cost
 * more than the rest of an event's JSON fields together, plus seconds of JIT compilation in a fresh JVM.
 *
 * <p>The {@code parse} methods read only the canonical forms {@code java.time} writes, years 0000-9999
 * ({@code 2026-12-02T16:40:28.123Z}, {@code 2026-12-02T16:40+05:00}); for any other text, valid or not, they return
 * {@code null} and the caller falls back to {@code java.time}'s own parser, so its answers and errors are kept.
 * Stateless and thread-safe.
 */
public final class IsoTime {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written with four digits and no sign. */
    private static final long MIN_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long MAX_FOUR_DIGIT_SECOND = 253_402_300_799L;

    private IsoTime() {
    }

    /** The same text as {@link Instant#toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FOUR_DIGIT_SECOND || seconds > MAX_FOUR_DIGIT_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(30);
        appendDigits(text, date.getYear(), 4).append('-');
        appendDigits(text, date.getMonthValue(), 2).append('-');
        appendDigits(text, date.getDayOfMonth(), 2).append('T');
        appendDigits(text, secondOfDay / 3600, 2).append(':');
        appendDigits(text, secondOfDay / 60 % 60, 2).append(':');
        appendDigits(text, secondOfDay % 60, 2);
        appendFraction(text, instant.getNano());
        return text.append('Z').toString();
    }

    /** {@code text} as {@link Instant#parse} reads it, or {@code null} when it is not in the canonical form. */
    public static Instant parseInstant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(16) != ':') {
            return null;
        }
        Reader reader = new Reader(text);
        LocalDate date = reader.date();
        long secondOfDay = reader.time();
        if (date == null || secondOfDay < 0 || reader.position != length - 1) {
            return null;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + secondOfDay, reader.nano);
    }

    /**
     * {@code text} as {@link OffsetDateTime#parse} reads it, or {@code null} when it is not in the canonical form
     * (seconds may be left out, as {@link OffsetDateTime#toString()} leaves them out when zero).
     */
    public static OffsetDateTime parseOffsetDateTime(String text) {
        Reader reader = new Reader(text);
        LocalDate date = reader.date();
        long secondOfDay = reader.time();
        ZoneOffset offset = date == null || secondOfDay < 0 ? null : reader.offset();
        if (offset == null || reader.position != text.length()) {
            return null;
        }
        return OffsetDateTime.of(date, LocalTime.ofNanoOfDay(secondOfDay * 1_000_000_000L + reader.nano), offset);
    }

    private static StringBuilder appendDigits(StringBuilder text, int value, int digits) {
        for (int divisor = digits == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
        return text;
    }

    /** As java.time prints a fraction: none, or in groups of three digits, as few as keep every nanosecond. */
    private static void appendFraction(StringBuilder text, int nano) {
        if (nano == 0) {
            return;
        }
        int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        text.append('.');
        for (int divisor = 100_000_000, i = 0; i < digits; divisor /= 10, i++) {
            text.append((char) ('0' + nano / divisor % 10));
        }
    }

    /** Reads the parts of one text left to right; a part that is not there in canonical form says so. */
    private static final class Reader {
        private final String text;
        private int position;
        private int nano;

        Reader(String text) {
            this.text = text;
        }

        /** The date {@code yyyy-MM-dd}, or null. */
        LocalDate date() {
            int year = number(4);
            int month = separator('-') ? number(2) : -1;
            int day = separator('-') ? number(2) : -1;
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
                return null;
            }
            return LocalDate.of(year, month, day);
        }

        /** The second of the day of {@code THH:mm[:ss[.fraction]]}, with the fraction in {@link #nano}, or -1. */
        long time() {
            int hour = separator('T') ? number(2) : -1;
            int minute = separator(':') ? number(2) : -1;
            int second = 0;
            if (position < text.length() && text.charAt(position) == ':') {
                position++;
                second = number(2);
                if (position < text.length() && text.charAt(position) == '.') {
                    position++;
                    nano = fraction();
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
                return -1;
            }
            return hour * 3600L + minute * 60L + second;
        }

        /** {@code Z} or {@code ±HH:mm}, or {@code null}. */
        ZoneOffset offset() {
            if (position >= text.length()) {
                return null;
            }
            char sign = text.charAt(position++);
            if (sign == 'Z') {
                return ZoneOffset.UTC;
            }
            if (sign != '+' && sign != '-') {
                return null;
            }
            int hours = number(2);
            int minutes = separator(':') ? number(2) : -1;
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || hours == 18 && minutes > 0) {
                return null;
            }
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        }

        private boolean separator(char expected) {
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        /** Exactly {@code digits} decimal digits, or -1. */
        private int number(int digits) {
            if (position + digits > text.length()) {
                return -1;
            }
            int value = 0;
            for (int end = position + digits; position < end; position++) {
                int digit = text.charAt(position) - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        /** One to nine digits as nanoseconds, or -1. */
        private int fraction() {
            int start = position;
            int value = 0;
            while (position < text.length() && position - start < 10) {
                int digit = text.charAt(position) - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                value = value * 10 + digit;
                position++;
            }
            int digits = position - start;
            if (digits == 0 || digits > 9) {
                return -1;
            }
            for (int i = digits; i < 9; i++) {
                value *= 10;
            }
            return value;
        }
    }
}
