package dev.engram.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.engram.server.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses some requests before Javalin sees them (an invalid percent-encoding, an ambiguous path,
 * a malformed header). Its stock error page is HTML; this one answers with the API's JSON error shape,
 * so every refusal reads the same to a client.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final String JSON = "application/json; charset=utf-8";

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int code, String message) {
    String reason = message != null && !message.isBlank() ? message : HttpStatus.getMessage(code);
    if (code == 414 || code == 431) {
      reason += "; the limit for the request line and headers together is " + HttpServer.MAX_HEADER_BYTES + " bytes";
    }
    return Json.error("the server refused the request: " + reason + " (HTTP " + code + ")").toString().getBytes(UTF_8);
  }
}
