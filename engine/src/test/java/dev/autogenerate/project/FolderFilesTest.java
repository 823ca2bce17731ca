package dev.autogenerate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class path folder's files as the entity cache stamps and keys them: every regular file at
 * any depth, by name, through links as the class loader goes; a link that would make the listing
 * endless is left out, not a hang, nor an error that would turn the cache off.
 */
class FolderFilesTest {

  @TempDir Path root;

  @Test
  void listsEveryFileAtAnyDepthInNameOrderWithItsStamp() throws Exception {
    write("b/Two.class", "22");
    write("a/Three.class", "333");
    write("One.class", "1");
    write("META-INF/orm.xml", "<entity-mappings/>");
    Files.createDirectories(root.resolve("empty"));

    FolderFiles listed = FolderFiles.of(root);

    assertEquals(List.of("META-INF/orm.xml", "One.class", "a/Three.class", "b/Two.class"), names(listed));
    assertEquals(root.resolve("a/Three.class"), listed.files().get(2).path());
    assertEquals(3, listed.files().get(2).stamp().size());
  }

  @Test
  void aLinkThatCannotBeFollowedIsNoFileAsForFilesWalk() throws Exception {
    write("One.class", "1");
    Files.createSymbolicLink(root.resolve("Self.class"), root.resolve("Self.class"));
    Files.createSymbolicLink(root.resolve("Through.class"), root.resolve("One.class/Two.class"));

    assertEquals(List.of("One.class"), names(FolderFiles.of(root)));
  }

  @Test
  void followsALinkedFolderAndSkipsALinkToNothing() throws Exception {
    Path elsewhere = Files.createTempDirectory(root.getParent(), "linked");
    try {
      Files.writeString(elsewhere.resolve("Entity.class"), "x");
      Files.createSymbolicLink(root.resolve("model"), elsewhere);
      Files.createSymbolicLink(root.resolve("Gone.class"), root.resolve("missing"));

      assertEquals(List.of("model/Entity.class"), names(FolderFiles.of(root)));
    } finally {
      Files.delete(elsewhere.resolve("Entity.class"));
      Files.delete(elsewhere);
    }
  }

  @Test
  void aLinkBackToAFolderItIsInIsLeftOutItsFilesListedOnce() throws Exception {
    write("a/One.class", "1");
    Files.createSymbolicLink(root.resolve("a/back"), root);
    Files.createSymbolicLink(root.resolve("a/self"), root.resolve("a"));

    assertEquals(List.of("a/One.class"), names(FolderFiles.of(root)));
  }

  @Test
  void theSameFolderLinkedTwiceSideBySideIsNoLoop() throws Exception {
    write("shared/One.class", "1");
    Files.createSymbolicLink(root.resolve("first"), root.resolve("shared"));
    Files.createSymbolicLink(root.resolve("second"), root.resolve("shared"));

    assertEquals(List.of("first/One.class", "second/One.class", "shared/One.class"), names(FolderFiles.of(root)));
  }

  private void write(String name, String content) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<String> names(FolderFiles listed) {
    return listed.files().stream().map(FolderFiles.File::name).toList();
  }
}
