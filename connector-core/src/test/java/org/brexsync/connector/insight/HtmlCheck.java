package org.brexsync.connector.insight;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * A strict well-formedness check of our HTML: it must parse as XML (every element closed and
 * nested, attributes quoted, entities valid) once the HTML5 doctype is removed; no DTDs or external
 * entities are loaded.
 */
final class HtmlCheck {
  private HtmlCheck() {}

  static org.w3c.dom.Document wellFormed(String html) throws Exception {
    if (!html.startsWith("<!DOCTYPE html>\n")) {
      throw new AssertionError("missing HTML5 doctype");
    }
    String xml = html.substring("<!DOCTYPE html>\n".length());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) throws SAXParseException {
        throw e;
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXParseException {
        throw e;
      }
    });
    return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
