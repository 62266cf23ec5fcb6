// Scripts with back-references in busybox's grep, sed and expr (POSIX patterns, run by glibc's regexec in the
// real busybox-static): the simulator must print what busybox prints. backref-golden.ts holds busybox's outputs,
// recorded by `npx tsx test/regex/record-backref-golden.ts` (as root, with /bin/busybox).

/** A named script. */
export interface BackrefCase {
  name: string;
  script: string;
}

const LINES = "printf 'abab\\nabcabc\\nxyzzy\\nfoo foo bar\\naa bb cc\\nabcba\\n1221\\nhello\\nmississippi\\naaaa\\naaaaa\\n' > /t";

/** The cases, each one script run with `sh -c`. */
export const BACKREF_CASES: BackrefCase[] = [
  { name: 'grep-bre', script: `${LINES}; grep '\\(.\\)\\1' /t; echo "rc $?"; grep -c '\\(ab\\)\\1' /t; grep -n '^\\(.*\\)\\1$' /t` },
  { name: 'grep-ere', script: `${LINES}; grep -E '(a|b)\\1' /t; grep -E '^(.)(.).?\\2\\1$' /t; grep -vE '(.)\\1' /t` },
  { name: 'grep-o', script: `${LINES}; grep -o '\\(.\\)\\1' /t; grep -oE '(a+)\\1' /t; grep -oE '([a-z]+) \\1' /t` },
  { name: 'grep-iwx', script: `printf 'Abab\\nABab\\nab AB\\nabab abab\\n' > /t; grep -i '\\(ab\\)\\1' /t; grep -x '\\(ab\\)\\1' /t; grep -w '\\(ab\\)\\1' /t; grep -ic '\\(a\\)b \\1' /t` },
  { name: 'sed-swap', script: `echo 'hello world' | sed 's/\\([a-z]*\\) \\([a-z]*\\)/\\2 \\1/'; echo 'foo foo bar' | sed 's/\\([a-z]*\\) \\1/<\\1>/'; echo 'aXbXc' | sed -E 's/(X)(.)\\1/[\\2]/'` },
  { name: 'sed-longest', script: `echo aaaa | sed -E 's/(a*)\\1/[\\1]/'; echo aaaaa | sed -E 's/(a*)\\1/[\\1]/'; echo abab | sed -E 's/(a|ab)(c|bab)?\\1?/[\\1|\\2]/'; echo xyzxyz | sed 's/\\(x\\|xy\\|xyz\\)\\(.*\\)\\1/[\\1|\\2]/'` },
  { name: 'sed-global', script: `echo 'aa bb cd ee f' | sed 's/\\(.\\)\\1/<&>/g'; echo 'abcabcabc' | sed -E 's/(abc)\\1/X/g'; echo 'xx-yy-zz' | sed -n 's/\\(.\\)\\1/#/2p'` },
  { name: 'sed-address', script: `${LINES}; sed -n '/\\(.\\)\\1/p' /t; sed '/^\\(.*\\)\\1$/d' /t` },
  { name: 'sed-groups', script: `echo abab | sed -E 's/((a)|b)*\\2/[\\1|\\2]/'; echo abb | sed -E 's/((a)|(b))*\\3/[\\1|\\2]/'; echo aaa | sed -E 's/(a)*\\1/[\\1]/'; echo aa | sed -E 's/(b)*\\1a/[\\1]/'; echo 'abcbc' | sed -E 's/(a|ab)(c|bcd)?(bc)*\\1?/[\\1|\\2|\\3]/'` },
  { name: 'sed-choices', script: `echo abcab | sed -E 's/(a|ab)(bc|c)\\1/[\\1|\\2]/'; echo aabbb | sed -E 's/(a+|b+)*\\1/[\\1]/'; echo abba | sed -E 's/(.*)(.*)\\2\\1/[\\1|\\2]/'; echo aabab | sed -E 's/(a*)(ab)*\\1b/[\\1|\\2]/'; echo ac | sed -E 's/(a)(b)?\\2c/[\\1|\\2]/'; echo y | sed -E 's/(x)?y\\1/[\\1]/'` },
  { name: 'expr', script: `expr abcabc : '\\(.*\\)\\1'; expr aaaa : '\\(a*\\)\\1'; expr aaaaa : '\\(a*\\)\\1'; expr 'ab ab' : '\\(..\\) \\1'; expr xyx : '\\(x\\)y\\1'; expr abab : '\\(a\\)\\1'; echo "rc $?"` },
  { name: 'expr-length', script: `expr aabb : '\\(a\\)\\1b*'; expr mississippi : '.*\\(ss\\)i\\1'; expr abcab : '\\(ab\\).*\\1'` },
  { name: 'find-regex', script: `mkdir -p /d/aa /d/ab /d/abab && touch /d/aa/x /d/abab/abab; find /d -regex '/d/\\(.\\)\\1'; find /d -regex '.*/\\(ab\\)\\1/\\(.*\\)' | sort` },
];
