package dev.autogenerate.project;

import dev.autogenerate.runtime.UserError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code <property name=... value=...>} entries of a {@code META-INF/persistence.xml}: those of
 * its first persistence unit, which is the one an application with a single unit (nearly all)
 * uses ({@link XmlFiles}).
 */
final class PersistenceXml {

  private PersistenceXml() {}

  static Map<String, String> properties(Path file) {
    try {
      NodeList units = XmlFiles.root(file).getElementsByTagName("persistence-unit");
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
