package dev.autogenerate.project;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The project's XML files (persistence.xml, pom.xml), read with the JDK's own parser, external
 * entities and document types off: a file the tool reads never makes it fetch or expand anything.
 */
final class XmlFiles {

  private XmlFiles() {}

  /** The file's root element. */
  static Element root(Path file) throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }
}
