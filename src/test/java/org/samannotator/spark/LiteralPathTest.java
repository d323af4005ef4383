package org.samannotator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.fs.GlobPattern;
import org.junit.jupiter.api.Test;

/** The job reads its manifest back by path: glob characters in a folder name must match only themselves. */
class LiteralPathTest {
    @Test
    void globCharactersAreEscapedSoTheFolderMatchesItself() {
        String folder = "file:/data/out-local[2]/run={a,b}*?";
        assertEquals("file:/data/out-local\\[2\\]/run=\\{a,b\\}\\*\\?", SparkAutoJob.literalPath(folder));
        assertEquals(true, GlobPattern.compile(SparkAutoJob.literalPath("out-local[2]")).matcher("out-local[2]").matches());
        assertEquals(false, GlobPattern.compile("out-local[2]").matcher("out-local[2]").matches());
        assertEquals("plain/path", SparkAutoJob.literalPath("plain/path"));
    }
}
