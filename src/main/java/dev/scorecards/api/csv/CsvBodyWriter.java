package dev.scorecards.api.csv;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** The one writer of {@code text/csv}: a {@link Table}'s rows as a download named after it. */
@Provider
@Produces(CsvTable.TYPE)
public class CsvBodyWriter implements MessageBodyWriter<Table> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Table.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Table table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", CsvTable.TYPE + "; charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + table.file() + "\"");
        CsvTable.write(table.rows(), out);
    }
}
