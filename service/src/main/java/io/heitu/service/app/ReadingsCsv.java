package io.heitu.service.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A data logger's CSV export as cold-chain readings: a header row naming {@code time} and at least
 * one of {@code temperature} (°C) and {@code humidity} (%), optionally {@code device}; one row per
 * reading time. Times are China time ({@code 2026-10-08 09:00}) or ISO-8601 with an offset. Every
 * row is checked before anything is written, so a bad file changes nothing and says which rows.
 */
final class ReadingsCsv {

    /** The chaincode takes at most this many readings in one event. */
    static final int MAX_READINGS = 1_000;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");

    /** One reading as the chaincode's {@code SensorReading} takes it. */
    record Reading(String type, BigDecimal value, String time, String deviceId) {}

    record Parsed(List<Reading> readings, List<RowError> errors) {}

    private ReadingsCsv() {}

    static Parsed parse(Reader csv) throws IOException {
        List<Reading> readings = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        BufferedReader lines = new BufferedReader(csv);
        String header = lines.readLine();
        // Excel writes a byte-order mark before the header.
        List<String> columns =
                header == null ? List.of() : cells(header.replace("\uFEFF", "").toLowerCase(Locale.ROOT));
        int time = columns.indexOf("time");
        int temperature = columns.indexOf("temperature");
        int humidity = columns.indexOf("humidity");
        int device = columns.indexOf("device");
        if (time < 0 || (temperature < 0 && humidity < 0)) {
            errors.add(new RowError(1, "coldchain.error.header"));
            return new Parsed(readings, errors);
        }
        int row = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            String at = time(cell(cells, time));
            if (at == null) {
                errors.add(new RowError(row, "coldchain.error.time"));
                continue;
            }
            String deviceId = device < 0 || cell(cells, device).isEmpty() ? null : cell(cells, device);
            if (!add(readings, "Temperature", cell(cells, temperature), at, deviceId)
                    || !add(readings, "RelativeHumidity", cell(cells, humidity), at, deviceId)) {
                errors.add(new RowError(row, "coldchain.error.value"));
            }
        }
        if (readings.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(row, "coldchain.error.empty"));
        } else if (readings.size() > MAX_READINGS) {
            errors.add(new RowError(row, "coldchain.error.tooMany"));
        }
        return new Parsed(readings, errors);
    }

    /** Adds the reading unless its cell is empty; false when the cell is not a number. */
    private static boolean add(List<Reading> readings, String type, String cell, String time, String deviceId) {
        if (cell.isEmpty()) {
            return true;
        }
        try {
            readings.add(new Reading(type, new BigDecimal(cell), time, deviceId));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String time(String text) {
        try {
            return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text.replace('T', ' '), LOCAL)
                        .atOffset(FormErrors.CHINA)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < 0 || index >= cells.size() ? "" : cells.get(index);
    }

    /** Loggers write plain comma-separated values; quotes around a cell are dropped. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            cells.add(cell.replace("\"", "").strip());
        }
        return cells;
    }
}
