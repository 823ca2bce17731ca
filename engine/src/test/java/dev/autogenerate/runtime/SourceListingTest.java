package dev.autogenerate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceListingTest {

  @TempDir
  Path directory;

  @TempDir
  Path outside;

  private void write(String below, String text) throws IOException {
    Path file = directory.resolve(below);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> below(SourceListing listing) {
    return listing.sources().stream().map(source -> directory.relativize(source).toString()).toList();
  }

  @Test
  void sourcesAreInTheOrderOfTheirWholePathsAcrossFolders() throws IOException {
    // '.' sorts before '/', so a.java comes before the files in folder a; each folder's files are
    // not kept together where another name falls between them. (ASCII names: a POSIX locale
    // cannot make a Path of others, and no two differ in case only.)
    for (String name : List.of("b.java", "a/B.java", "a.java", "Q.java", "a-b.java", "a/b/c.java", "ab.java",
        "a/a.java", "Zed.java")) {
      write(name, "class X {}");
    }

    SourceListing listing = SourceListing.of(directory);

    List<Path> sorted = new ArrayList<>(listing.sources());
    Collections.sort(sorted);
    assertEquals(sorted, listing.sources());
    assertEquals(List.of("Q.java", "Zed.java", "a-b.java", "a.java", "a/B.java", "a/a.java", "a/b/c.java",
        "ab.java", "b.java"), below(listing));
  }

  @Test
  void aNameTheCharsetCannotDecodeStillNamesItsFile() throws Exception {
    // M, then byte 0xe4 (ä in Latin-1, no UTF-8), then .java: made by the shell, as Java makes
    // names from text. A file system that refuses such names (APFS) has nothing to test.
    Process made;
    try {
      made = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'M\\344.java')\"")
          .directory(directory.toFile()).start();
    } catch (IOException noShell) {
      made = null;
    }
    assumeTrue(made != null && made.waitFor() == 0, "a shell, and a file system that takes names that are not UTF-8");
    write("M1.java", "a");

    SourceListing listing = SourceListing.of(directory);

    assertEquals(2, listing.sources().size());
    List<SourceStamp> stamps = listing.stamps().orElseThrow().stamps();
    assertEquals(List.of(1L, 1L), stamps.stream().map(SourceStamp::size).toList());
    for (Path source : listing.sources()) {
      assertTrue(Files.isRegularFile(source), source.toString());
    }
  }

  @Test
  void eachSourceHasItsStampInTheSameOrder() throws IOException {
    write("M1.java", "a");
    write("sub/M2.java", "bbb");

    SourceListing listing = SourceListing.of(directory);

    List<SourceStamp> stamps = listing.stamps().orElseThrow().stamps();
    assertEquals(2, stamps.size());
    for (int i = 0; i < stamps.size(); i++) {
      assertTrue(stamps.get(i).sameAs(SourceStamp.of(listing.sources().get(i))));
    }
    assertEquals(List.of(1L, 3L), stamps.stream().map(SourceStamp::size).toList());
  }

  @Test
  void otherFilesAndLinkedFoldersAreLeftOutLinkedFilesAreNot() throws IOException {
    write("M1.java", "a");
    write("notes.txt", "b");
    write("elsewhere/M9.java", "c");
    Files.createDirectories(directory.resolve("Folder.java"));
    write("Folder.java/M3.java", "d");
    Files.writeString(outside.resolve("M7.java"), "e");
    Files.createSymbolicLink(directory.resolve("linked"), outside);
    Files.createSymbolicLink(directory.resolve("M2.java"), directory.resolve("M1.java"));

    SourceListing listing = SourceListing.of(directory);

    assertEquals(List.of("Folder.java/M3.java", "M1.java", "M2.java", "elsewhere/M9.java"), below(listing));
    assertTrue(listing.stamps().isPresent());
  }

  @Test
  void aMissingDirectoryHoldsNoSources() {
    SourceListing listing = SourceListing.of(directory.resolve("missing"));

    assertEquals(List.of(), listing.sources());
    assertEquals(List.of(), listing.stamps().orElseThrow().stamps());
  }

  @Test
  void aDanglingLinkIsASourceWithoutAStampSoNothingIsTakenByStamp() throws IOException {
    write("M1.java", "a");
    Files.createSymbolicLink(directory.resolve("M2.java"), directory.resolve("gone.java"));

    SourceListing listing = SourceListing.of(directory);

    assertEquals(List.of("M1.java", "M2.java"), below(listing));
    assertTrue(listing.stamps().isEmpty());
  }
}
