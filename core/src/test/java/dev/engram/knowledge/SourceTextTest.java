package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void markdownLosesItsMarkupButKeepsItsProse() {
    String md = "---\ntitle: x\n---\n# The **mill**\n\nIt grinds [barley](http://x.test) and `rye`.\n"
        + "![img](a.png)\n```\ncode = 1\n```\n- first item\n2. second item\n| a | b |\n|---|---|\n";
    List<String> s = Sentences.split(SourceText.toProse(md, SourceText.Format.MARKDOWN));
    assertEquals(List.of("The mill.", "It grinds barley and rye.", "first item.", "second item.", "a b."), s);
  }

  @Test
  void webVttRollingCaptionsTagsAndFillerAreCleaned() {
    String vtt = "WEBVTT\nKind: captions\nLanguage: en\n\nNOTE a comment\nspanning lines\n\n"
        + "1\n00:00:00.000 --> 00:00:02.000 align:start\nthe <c>herders</c> live on\n\n"
        + "00:00:02.000 --> 00:00:04.000\nthe herders live on\nthe salt flats.\n\n"
        + "00:00:04.000 --> 00:00:06.000\n[Music]\n\n"
        + "00:00:06.000 --> 00:00:08.000\n&gt;&gt; um, they raise <00:00:07.000>goats &amp; sheep.\n\n"
        + "00:00:08.000 --> 00:00:10.000\nThe salt flats, uh, are white.\n";
    String prose = SourceText.toProse(vtt, SourceText.Format.WEBVTT);
    assertEquals("the herders live on the salt flats. they raise goats & sheep. The salt flats, are white.", prose);
  }

  @Test
  void youtubeAutoCaptionsWithTwoLineRollAndFlashCuesReadOnce() {
    // the shape yt-dlp writes for automatic captions: each cue repeats the previous line above the new
    // words (with inline word timings), and a 10 ms cue repeats the finished line alone
    String vtt = "WEBVTT\nKind: captions\nLanguage: en\n\n"
        + "00:00:00.030 --> 00:00:02.110 align:start position:0%\n\n"
        + "the<00:00:00.480><c> tide</c><00:00:00.720><c> mills</c><00:00:01.000><c> grind</c>\n\n"
        + "00:00:02.110 --> 00:00:02.120 align:start position:0%\nthe tide mills grind\n \n\n"
        + "00:00:02.120 --> 00:00:04.500 align:start position:0%\nthe tide mills grind\n"
        + "barley<00:00:02.500><c> into</c><00:00:02.900><c> flour</c>\n\n"
        + "00:00:04.500 --> 00:00:04.510 align:start position:0%\nbarley into flour\n \n\n"
        + "00:00:04.510 --> 00:00:06.000 align:start position:0%\nbarley into flour\n"
        + "um<00:00:05.000><c> for</c><00:00:05.400><c> the</c><00:00:05.600><c> bakers</c>\n";
    String prose = SourceText.toProse(vtt, SourceText.Format.WEBVTT);
    assertEquals("the tide mills grind barley into flour for the bakers", prose.replace(".", "").strip());
  }

  @Test
  void srtNumbersTimingsAndSoundLabelsGo() {
    String srt = "1\r\n00:00:01,000 --> 00:00:04,200\r\n<i>So, um, thornbees nest in stems.</i>\r\n\r\n"
        + "2\r\n00:00:04,500 --> 00:00:08,900\r\n(laughs) They make smoke honey.\r\n";
    assertEquals("So, thornbees nest in stems. They make smoke honey.", SourceText.toProse(srt, SourceText.Format.SRT));
  }

  @Test
  void formatIsDetectedFromNameThenContent() {
    assertEquals(SourceText.Format.WEBVTT, SourceText.Format.detect("talk.VTT", ""));
    assertEquals(SourceText.Format.SRT, SourceText.Format.detect("talk.srt", ""));
    assertEquals(SourceText.Format.MARKDOWN, SourceText.Format.detect("notes.md", ""));
    assertEquals(SourceText.Format.WEBVTT, SourceText.Format.detect(null, "WEBVTT\n\n00:00.000 --> 00:01.000\nhi"));
    assertEquals(SourceText.Format.SRT, SourceText.Format.detect("-", "1\n00:00:01,000 --> 00:00:02,000\nhi"));
    assertEquals(SourceText.Format.PLAIN, SourceText.Format.detect("a.txt", "plain words"));
    assertThrows(IllegalArgumentException.class, () -> SourceText.toProse(null, SourceText.Format.PLAIN));
  }

  @Test
  void aNewSentenceThatRepeatsTheLastWordsIsKept() {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\nThe goats go to the salt caves.\n\n"
        + "2\n00:00:02,000 --> 00:00:03,000\nThe salt caves, also called the White Halls, shelter them.\n";
    String prose = SourceText.toProse(srt, SourceText.Format.SRT);
    assertTrue(prose.contains("caves. The salt caves, also called"), prose);
    assertFalse(prose.contains("[") || prose.contains("-->"));
  }
}
