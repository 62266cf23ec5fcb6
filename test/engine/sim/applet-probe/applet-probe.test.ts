// Differences between the simulated busybox applets/shell and the real image, each fixed and pinned here to the
// output observed with `docker run --rm --network none drydock/busybox:1.35 sh -c '…'` on Docker 20.10
// (Debian's busybox-static 1.35.0).

import assert from 'node:assert/strict';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

const engine = createSimEngine({ host: new TreeBackend(), cwd: '/' });

/** stdout, stderr and exit status of `sh -c script` in a fresh busybox container. */
function sh(script: string): [string, string, number] {
  const r = engine.dockerSync(['run', '--rm', '--network', 'none', 'drydock/busybox:1.35', 'sh', '-c', script]);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('applet probe: ls', () => {
  it('accepts -k and -Q, takes an argument for -T, refuses -e/-Z/-K', () => {
    assert.deepEqual(sh('ls -k /etc'), ['hostname\nhosts\nmtab\nresolv.conf\n', '', 0]);
    assert.equal(sh('ls -T /etc')[0], 'bin\ndev\netc\nproc\nroot\nsbin\nsys\ntmp\nusr\nvar\n');
    for (const f of ['e', 'Z', 'K']) {
      const [out, err, code] = sh(`ls -${f} /etc`);
      assert.equal(out, '');
      assert.match(err, new RegExp(`^ls: invalid option -- '${f}'\\n`));
      assert.equal(code, 1);
    }
  });

  it('quotes with -Q and shows unprintable bytes as ?', () => {
    const [out] = sh(`cd /tmp; touch 'a"b' 'c\\d' "$(printf 'x\\ty')"; ls -Q; ls; ln -s 'we"ird' l; ls -lQ l | cut -c44-`);
    assert.equal(out.replace(/ \w{3} [ \d]\d \d\d:\d\d /, ' DATE '), '"a\\"b"\n"c\\\\d"\n"x?y"\na"b\nc\\d\nx?y\n DATE "l" -> "we\\"ird"\n');
    assert.equal(sh(`cd /tmp; touch "$(printf 'a\\001b')" "$(printf '\\303\\251')"; ls`)[0], 'a?b\n??\n');
  });

  it('follows a symlink named with a trailing slash and says "Not a directory" for file/', () => {
    const [out] = sh('ln -s /etc /tmp/e; ls /tmp/e/; ls -ld /tmp/e/ | cut -c1-10');
    assert.equal(out, 'hostname\nhosts\nmtab\nresolv.conf\ndrwxr-xr-x\n');
    assert.deepEqual(sh('ls -l /etc/hosts/; ls /etc/hosts/x'), ['', 'ls: /etc/hosts/: Not a directory\nls: /etc/hosts/x: Not a directory\n', 1]);
  });
});

describe('applet probe: ENOTDIR texts', () => {
  it('reports a path through a file as "Not a directory" in every applet', () => {
    const [, err] = sh(
      'stat /etc/hosts/; cat /etc/hosts/x; head /etc/hosts/x; wc /etc/hosts/; find /etc/hosts/; grep x /etc/hosts/x; du /etc/hosts/x; ' +
        'chmod 644 /etc/hosts/x; chown 0 /etc/hosts/x; cp /etc/hosts/x /tmp; ln /etc/hosts/x /tmp/q; touch -r /etc/hosts/x /tmp/w; rm -f /etc/hosts/x',
    );
    assert.equal(
      err,
      "stat: can't stat '/etc/hosts/': Not a directory\ncat: can't open '/etc/hosts/x': Not a directory\nhead: /etc/hosts/x: Not a directory\n" +
        'wc: /etc/hosts/: Not a directory\nfind: /etc/hosts/: Not a directory\ngrep: /etc/hosts/x: Not a directory\ndu: /etc/hosts/x: Not a directory\n' +
        "chmod: /etc/hosts/x: Not a directory\nchown: /etc/hosts/x: Not a directory\ncp: can't stat '/etc/hosts/x': Path has non-directory component\n" +
        "ln: /etc/hosts/x: Not a directory\ntouch: can't stat '/etc/hosts/x': Not a directory\nrm: can't stat '/etc/hosts/x': Not a directory\n",
    );
  });
});

describe('applet probe: mkdir, rmdir, realpath, groups', () => {
  it('prints what -v does', () => {
    assert.deepEqual(sh("mkdir -v /q; mkdir -pv /q/w/e /x//y/"), ["created directory: '/q'\ncreated directory: '/q/w/'\ncreated directory: '/q/w/e'\ncreated directory: '/x//'\ncreated directory: '/x//y/'\n", '', 0]);
    assert.deepEqual(sh('mkdir -p /a/b/c; rmdir -v /a/b/c; rmdir -pv /a/b; echo $?'), [
      "rmdir: removing directory, '/a/b/c'\nrmdir: removing directory, '/a/b'\nrmdir: removing directory, '/a'\nrmdir: removing directory, '/'\n1\n",
      "rmdir: '/': Device or resource busy\n",
      0,
    ]);
  });

  it('resolves missing names as xmalloc_realpath_coreutils does', () => {
    assert.deepEqual(sh('for p in /nope /tmp/nope tmp/nope nope /bin/../nope "" ./nope; do realpath "$p"; echo "rc=$?"; done'), [
      '/nope\nrc=0\n/tmp/nope\nrc=0\n/tmp/nope\nrc=0\nrc=1\n//nope\nrc=0\nrc=1\n//nope\nrc=0\n',
      'realpath: nope: No such file or directory\nrealpath: : No such file or directory\n',
      0,
    ]);
    // a dangling relative link is resolved from the working directory, not from the link's own
    assert.equal(sh('ln -s nope /tmp/d2; mkdir /tmp/sub; ln -s nope /tmp/sub/d4; cd /etc; readlink -f /tmp/d2; readlink -f /tmp/sub/d4; realpath /tmp/d2')[0], '/etc/nope\n/etc/nope\n/etc/nope\n');
  });

  it('names groups in its own messages', () => {
    assert.deepEqual(sh('groups; echo $?'), ['0\n1\n', 'groups: unknown ID 0\n', 0]);
  });
});

describe('applet probe: sort, cut, tr', () => {
  it('checks order with -c and -cu, printing "Check line N"', () => {
    assert.deepEqual(sh("printf 'a\\nc\\nb\\nd\\n' | sort -c; echo $?; printf 'a\\nb\\nb\\n' | sort -cu; echo $?; printf 'a\\nb\\n' | sort -cr; echo $?; printf 'a\\nb\\nb\\n' | sort -c; echo $?"), [
      '1\n1\n1\n0\n',
      'Check line 2\nCheck line 2\nCheck line 1\n',
      0,
    ]);
  });

  it('has the options and exit statuses of 1.35', () => {
    const [, err, code] = sh("printf '1\\n' | sort -h");
    assert.match(err, /^sort: invalid option -- 'h'\n/);
    assert.equal(code, 2);
    assert.deepEqual(sh("printf 'b\\na\\n' | sort -S 1 -T /tmp -m; sort /nonexist; echo $?; sort -k 0 /etc/hosts; echo $?"), ['a\nb\n2\n2\n', 'sort: /nonexist: No such file or directory\nsort: bad field specification\n', 0]);
    assert.equal(sh("printf 'b\\0a\\0' | sort -z | tr '\\0' '\\n'")[0], 'a\nb\n');
  });

  it('parses cut lists like busybox (0 is 1, "N-M" errors as "M<N-1", bytes not characters)', () => {
    const script = 'for l in 5-2 a 1-a "" - 0-0 -0 1,,2 1-2-3 2-1 3-1 2-0; do printf "abcdef\\n" | cut -c "$l" 2>&1; echo "rc=$?"; done';
    assert.equal(
      sh(script)[0],
      "cut: 2<4\nrc=1\ncut: invalid number 'a'\nrc=1\ncut: invalid number 'a'\nrc=1\ncut: missing list of positions\nrc=1\nabcdef\nrc=0\na\nrc=0\na\nrc=0\nab\nrc=0\n" +
        "cut: invalid number '2-3'\nrc=1\nb\nrc=0\ncut: 1<2\nrc=1\ncut: 0<1\nrc=1\n",
    );
    assert.equal(sh("printf 'h\\303\\251llo\\n' | cut -c1-2 | wc -c; printf 'a:b\\n' | cut -d ab -f1; printf 'a:b\\n' | cut -d '' -f1")[0], '3\n\na:b\n');
  });

  it('copies its input when tr gets one set and no -d/-s', () => {
    assert.deepEqual(sh('echo hello | tr a; echo hello | tr -c a'), ['hello\nhello\n', '', 0]);
  });
});

describe('applet probe: sed', () => {
  it('knows q without an exit code, l as a no-op, and neither Q nor z', () => {
    assert.deepEqual(sh("printf 'hello\\n' | sed q5; echo \"rc=$?\"; printf 'a\\n' | sed l; printf 'a\\tb\\n' | sed -n l"), ['rc=1\na\n', 'sed: missing command\n', 0]);
    assert.deepEqual(sh("printf 'a\\n' | sed Q; printf 'a\\n' | sed z"), ['', 'sed: unsupported command Q\nsed: unsupported command z\n', 1]);
  });

  it('keeps one which_match: the last of g and N wins', () => {
    assert.equal(sh("printf 'abcabc\\n' | sed 's/b/X/2g'; printf 'abcabc\\n' | sed 's/b/X/g2'")[0], 'aXcaXc\nabcaXc\n');
  });

  it('terminates what follows an unterminated last line, per file', () => {
    assert.equal(sh("printf 'a\\nb' | sed '$a END'")[0], 'a\nb\nEND\n');
    assert.equal(sh("printf 'a woo\\nb woo' > /tmp/f1; printf 'c no\\nd no' > /tmp/f2; sed 's/o/0/' /tmp/f1 /tmp/f2")[0], 'a w0o\nb w0o\nc n0\nd n0');
    assert.equal(sh("printf 'x' | sed p; echo; printf 'x\\ny' | sed G; printf 'x' | sed 's/x//' | wc -c")[0], 'x\nx\nx\n\ny\n\n0\n');
  });

  it('starts a numeric range on the first line at or after it, and treats line 0 as no address', () => {
    assert.equal(sh("printf '1\\n2\\n3\\n4\\n' | sed -n '1{N;N;d};1p;2,3p;3p;4p'; printf '1\\n2\\n' | sed -n 0p")[0], '4\n4\n1\n2\n');
  });

  it('backs up with -iSUFFIX and has only the options of 1.35', () => {
    assert.equal(sh("printf 'a\\n' > /tmp/f; sed -i.bak 's/a/b/' /tmp/f; cat /tmp/f /tmp/f.bak")[0], 'b\na\n');
    assert.deepEqual(sh('sed -i p /nonexist; echo $?; sed -i p'), ['1\n', 'sed: /nonexist: No such file or directory\nsed: -i requires an argument\n', 1]);
    assert.match(sh('sed -s p /dev/null')[1], /^sed: invalid option -- 's'\n/);
  });
});

describe('applet probe: grep', () => {
  it('matches nothing with an empty -f file and reads NUL-separated records with -z', () => {
    assert.deepEqual(sh("printf 'foo\\nbar\\n' | grep -f /dev/null; echo $?; printf 'foo\\0bar\\0' | grep -z o | tr '\\0' '\\n'"), ['1\nfoo\n', '', 0]);
  });

  it('reads /dev/stdin', () => {
    assert.deepEqual(sh("printf 'z\\n' | grep z /dev/stdin; printf 'z\\n' | cat /dev/stdin"), ['z\nz\n', '', 0]);
  });
});

describe('applet probe: stat, md5sum, dd, head, mktemp, expr, date', () => {
  it('formats stat -c like 1.35', () => {
    assert.deepEqual(sh('stat -c "%d|%D|%o|%m|%C|%1|%-|%N|%5s|%-4s|%" /etc/hosts'), ['65024|fe00|4096|m|C|||/etc/hosts|  150|150 |%', '', 0]);
  });

  it('counts a malformed md5sum -c line as a failure', () => {
    assert.deepEqual(sh('echo junk > /tmp/j; md5sum -c /tmp/j; echo $?; md5sum -c /nope; echo $?'), [
      '1\n1\n',
      'md5sum: WARNING: 1 of 1 computed checksums did NOT match\nmd5sum: /nope: No such file or directory\n',
      0,
    ]);
  });

  it('refuses conversions busybox dd does not have', () => {
    assert.deepEqual(sh('printf abc | dd conv=ucase; echo $?'), ['1\n', "dd: invalid argument 'ucase' to 'conv'\n", 0]);
  });

  it('puts the blank line before every head header after the first file named', () => {
    assert.equal(sh("printf 'a\\nb\\n' > /tmp/a; head -n 1 /nope /tmp/a 2>/dev/null")[0], '\n==> /tmp/a <==\na\n');
  });

  it('wants six X at the end of a mktemp template', () => {
    assert.deepEqual(sh('mktemp /tmp/fooXXX; echo $?; mktemp -q /tmp/x; echo $?'), ['1\n1\n', 'mktemp: (null): Invalid argument\n', 0]);
  });

  it('has no "+ TOKEN" quoting in expr', () => {
    assert.deepEqual(sh('expr + 5; echo $?'), ['2\n', 'expr: syntax error\n', 0]);
  });

  it('prints week numbers and -I[SPEC]', () => {
    assert.equal(sh("date -d '2020-01-02' '+%U %V %G %g %W'; date -d '2021-01-03' '+%U %V %G %g %W'; date -d '2020-12-31' '+%U %V %G %g %W'")[0], '00 01 2020 20 00\n01 53 2020 20 00\n52 53 2020 20 52\n');
    assert.equal(
      sh('date -d @0 -Iseconds; date -d @0 -Ihours; date -d @0 -Iminutes; date -d @0 -Ins; date -d @0 -Idate')[0],
      '1970-01-01T00:00:00+00:00\n1970-01-01T00+00:00\n1970-01-01T00:00+00:00\n1970-01-01T00:00:00,000000000+00:00\n1970-01-01\n',
    );
  });
});

describe('applet probe: shell', () => {
  it('keeps an empty quoted ${x-} / ${x+…} as one field', () => {
    assert.deepEqual(sh('echo "${x-unset}" "${x+set}"; x=; set -- "${x:-}" "${x-}" "${x+}" "${x:+}" ${x+}; echo $#'), ['unset \n4\n', '', 0]);
  });

  it('empties OPTARG for an option without an argument', () => {
    assert.equal(sh('while getopts ab:c o -a -b val -c rest; do echo "$o ${OPTARG-unset}"; done; echo $OPTIND')[0], 'a \nb val\nc \n5\n');
  });
});
