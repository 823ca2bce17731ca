package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code <property name=... value=...>} entries of a {@code META-INF/persistence.xml}: those of
 * its first persistence unit, which is the one an application with a single unit (nearly all)
 * uses. The JDK's own XML parser, with external entities off.
 */
final class PersistenceXml {

  private PersistenceXml() {}

  static Map<String, String> properties(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(false);
      NodeList units = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("persistence-unit");
      Map<String, String> properties = new LinkedHashMap<>();
      if (units.getLength() == 0) {
        return properties;
      }
      NodeList entries = ((Element) units.item(0)).getElementsByTagName("property");
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        properties.put(entry.getAttribute("name").strip(), entry.getAttribute("value").strip());
      }
      return properties;
    } catch (Exception e) {
      throw new UserError("cannot read " + file + ": " + UserError.firstLine(e.getMessage())
          + " (fix the file, or set url= in autogenerate.properties)");
    }
  }
}
