package org.brexsync.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What publishing needs, read from the poms of the repository: the BOM lists every published module
 * at the build's version, each published module has the metadata a public repository requires and a
 * stable module name, builds are reproducible, and the root README's BOM snippets are current.
 */
class PublishingTest {
  private static final Path ROOT = Path.of("..");

  private static Document pom(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  /** The text of the first direct child of {@code parent} named {@code name}, or "". */
  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }

  private static Element childElement(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static List<String> modules() throws Exception {
    NodeList list = pom(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      modules.add(list.item(i).getTextContent().strip());
    }
    return modules;
  }

  private static String property(Element project, String name) {
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("properties")) {
        return child(e, name);
      }
    }
    return "";
  }

  /** A module is published unless its pom sets maven.deploy.skip; the BOM and the parent are poms. */
  private static Set<String> publishedJarModules() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : modules()) {
      Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
      if (Files.isDirectory(ROOT.resolve(module).resolve("src/main/java"))
          && !property(project, "maven.deploy.skip").equals("true")) {
        published.add(child(project, "artifactId"));
      }
    }
    return published;
  }

  private static String version() throws Exception {
    return child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
  }

  @Test
  void theBomListsEveryPublishedModuleAtTheVersionOfTheBuild() throws Exception {
    Element bom = pom(ROOT.resolve("brexsync-bom/pom.xml")).getDocumentElement();
    assertThat(modules()).contains("brexsync-bom");
    assertThat(child(bom, "version")).isEqualTo(version());
    assertThat(bom.getElementsByTagName("parent").getLength())
        .as("the BOM has no parent: importing it must not pin Jackson, JUnit, ... in users' builds").isZero();

    Set<String> listed = new TreeSet<>();
    NodeList deps = childElement(childElement(bom, "dependencyManagement"), "dependencies")
        .getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      assertThat(child(d, "groupId")).isEqualTo("org.brexsync");
      assertThat(child(d, "version")).isEqualTo("${project.version}");
      listed.add(child(d, "artifactId"));
    }
    assertThat(listed).isEqualTo(publishedJarModules())
        .contains("http-core", "brex-client", "oomnitza-client", "connector-core", "testkit")
        .doesNotContain("brexsync-cli", "examples");
  }

  @Test
  void everyPublishedPomHasWhatAPublicRepositoryRequires() throws Exception {
    Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
    Element bom = pom(ROOT.resolve("brexsync-bom/pom.xml")).getDocumentElement();
    for (Element p : List.of(parent, bom)) {
      assertThat(child(p, "url")).startsWith("https://");
      assertThat(child(childElement(childElement(p, "licenses"), "license"), "name")).isEqualTo("Apache-2.0");
      assertThat(child(childElement(childElement(p, "developers"), "developer"), "name")).isNotBlank();
      Element scm = childElement(p, "scm");
      assertThat(child(scm, "connection")).startsWith("scm:git:");
      assertThat(child(scm, "url")).isEqualTo(child(p, "url"));
    }
    assertThat(parent.getAttribute("child.project.url.inherit.append.path"))
        .as("modules inherit the project url as it is").isEqualTo("false");
    for (String module : modules()) {
      Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
      assertThat(child(project, "name")).as(module + " name").isNotBlank();
      assertThat(child(project, "description")).as(module + " description").isNotBlank();
    }
  }

  @Test
  void everyJarHasTheModuleNameOfItsRootPackage() throws Exception {
    for (String module : modules()) {
      Path dir = ROOT.resolve(module);
      if (!Files.isDirectory(dir.resolve("src/main/java"))) {
        continue;
      }
      String name = property(pom(dir.resolve("pom.xml")).getDocumentElement(), "brexsync.moduleName");
      assertThat(name).as(module).matches("org\\.brexsync(\\.[a-z][a-z0-9]*)+");
      assertThat(dir.resolve("src/main/java").resolve(name.replace('.', '/'))).as(module + " root package").isDirectory();
    }
  }

  @Test
  void buildsAreReproducible() throws Exception {
    Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
    Element bom = pom(ROOT.resolve("brexsync-bom/pom.xml")).getDocumentElement();
    assertThat(property(parent, "project.build.outputTimestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(property(bom, "project.build.outputTimestamp")).isEqualTo(property(parent, "project.build.outputTimestamp"));
  }

  @Test
  void theRootReadmeImportsTheBomOfThisVersionWithMavenAndGradle() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme)
        .contains("<artifactId>brexsync-bom</artifactId>\n      <version>" + version() + "</version>\n"
            + "      <type>pom</type>\n      <scope>import</scope>")
        .contains("implementation(platform(\"org.brexsync:brexsync-bom:" + version() + "\"))");
  }
}
