// Outputs of the real busybox-static 1.35 (glibc regexec) for every case of backref-cases.ts, recorded with
// `npx tsx test/regex/record-backref-golden.ts`, so the simulator is checked where /bin/busybox is missing.

import type { Outcome } from '../engine/sim/shell/oracle.js';

/** Expected outcome by case name. */
export const BACKREF_GOLDEN: Record<string, Outcome> = {
  "grep-bre": { stdout: "xyzzy\nfoo foo bar\naa bb cc\n1221\nhello\nmississippi\naaaa\naaaaa\nrc 0\n1\n1:abab\n2:abcabc\n10:aaaa\n", stderr: "", status: 0 },
  "grep-ere": { stdout: "aa bb cc\naaaa\naaaaa\nabcba\n1221\naaaa\naaaaa\nabab\nabcabc\nabcba\n", stderr: "", status: 0 },
  "grep-o": { stdout: "zz\noo\noo\naa\nbb\ncc\n22\nll\nss\nss\npp\naa\naa\naa\naa\naa\naaaa\naaaa\nfoo foo\n", stderr: "", status: 0 },
  "grep-iwx": { stdout: "Abab\nABab\nabab abab\nabab abab\n2\n", stderr: "", status: 0 },
  "sed-swap": { stdout: "world hello\n<foo> bar\na[b]c\n", stderr: "", status: 0 },
  "sed-longest": { stdout: "[aa]\n[aa]a\n[a|bab]\n[xyz|]\n", stderr: "", status: 0 },
  "sed-global": { stdout: "<aa> <bb> cd <ee> f\nXabc\nxx-#-zz\n", stderr: "", status: 0 },
  "sed-address": { stdout: "xyzzy\nfoo foo bar\naa bb cc\n1221\nhello\nmississippi\naaaa\naaaaa\nxyzzy\nfoo foo bar\naa bb cc\nabcba\n1221\nhello\nmississippi\naaaaa\n", stderr: "", status: 0 },
  "sed-groups": { stdout: "[b|a]b\n[b|a]\n[a]\naa\n[a||bc]\n", stderr: "", status: 0 },
  "sed-choices": { stdout: "[ab|c]\n[b]\n[a|b]\n[a|ab]\nac\ny\n", stderr: "", status: 0 },
  "expr": { stdout: "abc\naa\naa\nab\nx\n\nrc 1\n", stderr: "", status: 0 },
  "expr-length": { stdout: "a\nss\nab\n", stderr: "", status: 0 },
  "find-regex": { stdout: "/d/aa\n/d/abab/abab\n", stderr: "", status: 0 },
};
