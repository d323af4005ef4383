package org.samannotator.core.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.samannotator.core.geometry.Size;
import org.samannotator.core.io.AtomicFiles;
import org.samannotator.core.mask.PixelRect;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A VOC {@code Annotations/<stem>.xml}: file name, size (width, height, depth 3), segmented 1 and one
 * {@code object} per instance, in instance order (object i is index i + 1 of SegmentationObject), with
 * {@code name} and {@code bndbox} in VOC's 1-based inclusive pixel coordinates.
 */
final class VocXml {
    /** One object: class name and the mask's bounds (0-based, exclusive width/height as in {@link PixelRect}). */
    record VocObject(String name, PixelRect bounds, String origin) {
    }

    private VocXml() {
    }

    static void write(Path file, String imageFileName, Size size, List<VocObject> objects) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("annotation");
            doc.appendChild(root);
            child(doc, root, "folder", "JPEGImages");
            child(doc, root, "filename", imageFileName);
            Element sizeElement = child(doc, root, "size", null);
            child(doc, sizeElement, "width", String.valueOf(size.width()));
            child(doc, sizeElement, "height", String.valueOf(size.height()));
            child(doc, sizeElement, "depth", "3");
            child(doc, root, "segmented", "1");
            for (VocObject o : objects) {
                Element object = child(doc, root, "object", null);
                child(doc, object, "name", o.name());
                child(doc, object, "pose", "Unspecified");
                child(doc, object, "truncated", "0");
                child(doc, object, "difficult", "0");
                if (o.origin() != null) {
                    child(doc, object, "origin", o.origin());
                }
                Element box = child(doc, object, "bndbox", null);
                child(doc, box, "xmin", String.valueOf(o.bounds().x() + 1));
                child(doc, box, "ymin", String.valueOf(o.bounds().y() + 1));
                child(doc, box, "xmax", String.valueOf(o.bounds().x() + o.bounds().width()));
                child(doc, box, "ymax", String.valueOf(o.bounds().y() + o.bounds().height()));
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            AtomicFiles.write(file, out -> {
                try {
                    transformer.transform(new DOMSource(doc), new StreamResult(out));
                } catch (TransformerException e) {
                    throw new IOException("cannot write XML: " + e.getMessage(), e);
                }
            });
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Element child(Document doc, Element parent, String name, String text) {
        Element element = doc.createElement(name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    /** The class names of the file's objects, in order. */
    static List<String> readObjectNames(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new FormatFileException(file, "", "missing: it names the class of each object of the "
                    + "SegmentationObject PNG of the same name");
        }
        Document doc;
        try {
            doc = secureBuilder().parse(file.toFile());
        } catch (SAXException e) {
            throw new FormatFileException(file, "", "not valid XML: " + e.getMessage(), e);
        }
        NodeList objects = doc.getDocumentElement().getElementsByTagName("object");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < objects.getLength(); i++) {
            NodeList nameNodes = ((Element) objects.item(i)).getElementsByTagName("name");
            String name = nameNodes.getLength() == 0 ? "" : nameNodes.item(0).getTextContent().strip();
            if (name.isEmpty()) {
                throw new FormatFileException(file, "annotation/object[" + (i + 1) + "]/name", "missing or empty");
            }
            names.add(name);
        }
        return names;
    }

    private static DocumentBuilder secureBuilder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }
}
