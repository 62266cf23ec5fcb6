import assert from 'node:assert/strict';
import { run } from './helpers.js';
import type { RunOptions } from './helpers.js';

// [script, stdout, stderr, status] — outputs checked against busybox 1.35 ash (see differential.test.ts).
type Case = [string, string, string?, number?];

function check(cases: Case[], options: RunOptions = {}): void {
  for (const [script, stdout, stderr = '', status = 0] of cases) {
    const r = run(script, options);
    assert.deepEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status }, { stdout, stderr, status }, script);
  }
}

describe('shell: expansion', () => {
  it('expands parameters with every operator', () => {
    check([
      ['a=1 b="x y"; echo $a "$b" ${a}z ${c:-d} ${c-e} ${c:=f} $c ${#b} ${b#x} ${b%y} ${b:+set}', '1 x y 1z d e f f 3 y x set\n'],
      ['p=/usr/local/bin/t.tar.gz; echo ${p##*/} ${p#*/} ${p%.*} ${p%%.*} ${p/local/L} ${p//o/0} ${p:5:5} ${p: -6}', 't.tar.gz usr/local/bin/t.tar.gz /usr/local/bin/t.tar /usr/local/bin/t /usr/L/bin/t.tar.gz /usr/l0cal/bin/t.tar.gz local tar.gz\n'],
      ['echo ${x?unset}; echo after', '', 'sh: x: unset\n', 2],
      ['echo ${x:?}', '', 'sh: x: parameter not set or null\n', 2],
      ['set -u; echo ${x-ok}; echo $x; echo after', 'ok\n', 'sh: x: parameter not set\n', 2],
    ]);
  });

  it('handles "$@", $*, IFS splitting and empty fields', () => {
    check([
      [`set -- a 'b c' d; for x in "$@"; do echo "[$x]"; done; echo "$*"; echo $#`, '[a]\n[b c]\n[d]\na b c d\n3\n'],
      ['set --; for x in "$@"; do echo no; done; echo "[$@]" "[$*]"', '[] []\n'],
      [`x='a:b::c'; IFS=:; for i in $x; do echo "[$i]"; done`, '[a]\n[b]\n[]\n[c]\n'],
      [`IFS=' :'; y=' a : b '; for i in $y; do echo "{$i}"; done`, '{a}\n{b}\n'],
      ['e=; for x in $e "" "$e"; do echo "<$x>"; done', '<>\n<>\n'],
    ]);
  });

  it('runs command substitution and arithmetic', () => {
    check([
      ['x=$(echo a; echo b); echo "$x"; echo $(echo "q  r"); echo `echo bq`; echo "$(printf \'a\\n\\n\')|"', 'a\nb\nq r\nbq\na|\n'],
      ['i=5; echo $((i*2+1)) $((i/2)) $((i%3)) $((i<<2)) $((-i)) $((i>3?1:0)) $((i+=1)) $i $((i++)) $i $((0x1f)) $((077)) $((2**8))', '11 2 2 20 -5 1 6 6 6 7 31 63 256\n'],
      ['echo $((1/0)); echo after', '', 'sh: divide by zero\n', 2],
      ['echo $((1+)); echo after', '', 'sh: arithmetic syntax error\n', 2],
      ['x=$(false); echo $?; $(exit 3); echo $?', '1\n3\n'],
    ]);
  });

  it('globs against the filesystem, sorted, leaving unmatched patterns alone', () => {
    check([
      ['mkdir /g; touch /g/a1 /g/a2 /g/b /g/.h; cd /g; echo *; echo a?; echo [!a]*; echo .*; echo z* "*"; set -f; echo *', 'a1 a2 b\na1 a2\nb\n. .. .h\nz* *\n*\n'],
    ]);
  });

  it('expands tildes and quotes', () => {
    check([
      ["echo ~ ~/x x~ 'a\\b' \"a\\b\" a\\b \"\\$x\" $'x\\ty'", '/root /root/x x~ a\\b a\\b ab $x x\ty\n'],
    ]);
  });
});

describe('shell: control flow', () => {
  it('runs if, loops, case, functions and subshells', () => {
    check([
      ['if [ 1 = 2 ]; then echo a; elif [ 2 = 2 ]; then echo b; else echo c; fi', 'b\n'],
      ['i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo w$i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i', 'w1\nw2\nw3\n0\n'],
      ['for a in 1 2; do for b in x y; do echo $a$b; continue 2; done; done; echo end', '1x\n2x\nend\n'],
      ["for w in apple b.txt '*'; do case $w in a*) echo A;; *.txt) echo T;; \\*) echo star;; esac; done", 'A\nT\nstar\n'],
      ['f() { local v=in; echo "f $1 $# $v"; return 3; }; v=out; f a b; echo $? $v', 'f a 2 in\n3 out\n'],
      ['x=1; (x=2; exit 5); echo $x $?; { x=3; }; echo $x', '1 5\n3\n'],
      ['true && echo 1 || echo 2; false && echo 3 || echo 4; ! true; echo $?', '1\n4\n1\n'],
      ['echo a | false | true; echo $?; set -o pipefail; echo a | false | true; echo $?', '0\n1\n'],
    ]);
  });

  it('stops on errors with set -e only outside conditions', () => {
    check([['set -e; false || echo ok; if false; then :; fi; false && echo no; echo before; false; echo after', 'ok\nbefore\n', '', 1]]);
  });

  it('traces with set -x using ash quoting', () => {
    check([["set -x; a=1; echo $a 'q r' ''", "1 q r \n", "+ a=1\n+ echo 1 'q r' \n"]]);
  });

  it('runs exit, EXIT traps, eval and source', () => {
    check([
      ['trap \'echo bye $?\' EXIT; echo hi; exit 3', 'hi\nbye 3\n', '', 3],
      ["eval 'x=5; echo $x'; cmd='echo hi there'; eval $cmd", '5\nhi there\n'],
      ["printf 'echo sourced $1\\nreturn 4\\necho no\\n' > /s.sh; . /s.sh arg; echo $?; . /nope.sh; echo after", 'sourced arg\n4\n', "sh: .: line 0: can't open '/nope.sh': No such file or directory\n", 2],
      ['exec echo replaced; echo never', 'replaced\n'],
      ['exec nosuch; echo after', '', 'sh: exec: line 0: nosuch: not found\n', 127],
    ]);
  });
});

describe('shell: redirections and errors', () => {
  it('redirects output, input, stderr and descriptors', () => {
    check([
      ['echo a > /t; echo b >> /t; cat < /t; echo err >&2; ls /nope 2>/dev/null; echo $?', 'a\nb\n1\n', 'err\n'],
      ['{ echo x; echo y >&2; } > /o 2>&1; cat /o; echo z &> /p; cat /p', 'x\ny\nz\n'],
      ['exec 3>/tmp/fd3; echo to3 >&3; exec 3>&-; cat /tmp/fd3; echo v 1>&5; echo $?', 'to3\n1\n', 'sh: 5: Bad file descriptor\n'],
    ]);
  });

  it('prints ash\'s redirection failures', () => {
    check([
      ['echo a > /nope/x; echo $?', '1\n', "sh: can't create /nope/x: nonexistent directory\n"],
      ['cat < /nope; echo $?', '1\n', "sh: can't open /nope: no such file\n"],
      ['echo b > /bin; echo $?', '1\n', "sh: can't create /bin: Is a directory\n"],
      ['exec 3< /nope; echo after', '', "sh: can't open /nope: no such file\n", 1],
    ]);
  });

  it('reports a read-only mount with busybox texts', () => {
    check(
      [
        ['echo x > /ro/new.txt', '', "sh: can't create /ro/new.txt: Read-only file system\n", 1],
        ['echo x >> /ro/a.txt', '', "sh: can't create /ro/a.txt: Read-only file system\n", 1],
        ['touch /ro/t.txt', '', 'touch: /ro/t.txt: Read-only file system\n', 1],
        ['rm /ro/a.txt', '', "rm: can't remove '/ro/a.txt': Read-only file system\n", 1],
        ['mkdir /ro/d', '', "mkdir: can't create directory '/ro/d': Read-only file system\n", 1],
        ['cat /ro/a.txt', 'original\n'],
      ],
      { files: { '/ro/a.txt': 'original\n' }, vfs: { readOnly: ['/ro'] } },
    );
  });

  it('reads here-documents', () => {
    check([
      ['x=val; cat <<EOF\nline $x\n\\$x `echo bq`\nEOF\ncat <<\'E\'\nraw $x\nE\ncat <<-T\n\ttabbed\n\tT', 'line val\n$x bq\nraw $x\ntabbed\n'],
    ]);
  });

  it('prints "not found" and permission errors with the script name and line when named', () => {
    check([
      ['nosuch; echo $?; /nope/x; echo $?', '127\n127\n', 'sh: nosuch: not found\nsh: /nope/x: not found\n'],
      ['cd /nope; echo $?', '2\n', "sh: cd: line 0: can't cd to /nope: No such file or directory\n"],
      ['readonly R=1; R=2; echo after', '', 'sh: R: is read only\n', 2],
      ['local x=1', '', 'sh: local: line 0: not in a function\n', 2],
      ['exit abc', '', 'sh: exit: line 0: Illegal number: abc\n', 2],
    ]);
    const named = run('true\nfoo');
    assert.equal(named.stderr, 'sh: foo: not found\n');
    const withName = run('true\nfoo; cd /x', { env: {} });
    assert.equal(withName.stderr, "sh: foo: not found\nsh: cd: line 1: can't cd to /x: No such file or directory\n");
  });
});

describe('shell: builtins', () => {
  it('implements cd, pwd, export, unset, shift, read and type', () => {
    check([
      ['cd /tmp; pwd; cd ..; pwd; cd /tmp; cd -; echo $OLDPWD', '/tmp\n/\n/\n/tmp\n'],
      ["export A=1; B=2; sh -c 'echo $A $B'; C=3 sh -c 'echo $C'; echo ${C-unset}", '1\n3\nunset\n'],
      ['x=1; unset x; echo ${x-gone}; set -- 1 2 3; shift; echo $@; shift 5; echo $?', 'gone\n2 3\n1\n'],
      ["printf 'a b c\\nd\\n' > /f; while read x y; do echo \"[$x][$y]\"; done < /f", '[a][b c]\n[d][]\n'],
      ['f() { :; }; type f cd ls exit nosuch; echo $?', 'f is a function\ncd is a shell builtin\nls is ls\nexit is a special shell builtin\nnosuch: not found\n127\n'],
      ['command -v ls; command -v cd; command -v nosuch; echo $?', 'ls\ncd\n127\n'],
      ['umask; umask 027; umask; umask -S; let x=2+3; echo $x', '0022\n0027\nu=rwx,g=rx,o=\n5\n'],
    ]);
  });

  it('keeps ash\'s variable table order in the environment it exports', () => {
    const r = run('env', { env: { PATH: '/bin', HOME: '/root', HOSTNAME: 'abc' } });
    assert.equal(r.stdout, 'HOSTNAME=abc\nSHLVL=1\nHOME=/root\nPATH=/bin\nPWD=/\n');
  });
});
