import assert from 'node:assert/strict';
import {
  ExpansionError,
  buildEnvs,
  processWord,
  processWords,
} from '../../../../../src/engine/sim/builder/dockerfile/expand.js';

function expansionError(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof ExpansionError, String(err));
    return err.message;
  }
  assert.fail('expected an expansion error');
}

describe('Dockerfile variable expansion', () => {
  describe('quoting and escapes (the cases buildkit v0.8.3 documents)', () => {
    const env = ['PWD=/home', 'SHELL=bash', 'NULL='];
    const cases: [string, string][] = [
      ['hello', 'hello'],
      ["he'llo'", 'hello'],
      ["'$PWD'", '$PWD'],
      ['"$PWD"', '/home'],
      ['\\$PWD', '$PWD'],
      ['"a  b"', 'a  b'],
      ['${SHELL}x', 'bashx'],
      ['${NULL:-def}', 'def'],
      ['${PWD:+set}', 'set'],
      ['${NOPE}', ''],
    ];
    for (const [source, expected] of cases) {
      it(`${source} → ${JSON.stringify(expected)}`, () => assert.equal(processWord(source, env), expected));
    }
    it('splits words on unquoted blanks only', () => {
      assert.deepEqual(processWords('a "b c" $SHELL', env), ['a', 'b c', 'bash']);
      assert.deepEqual(processWords("'x y'  z", env), ['x y', 'z']);
    });
    it('refuses an unterminated ${', () => {
      assert.match(expansionError(() => processWord('${PWD', env)), /failed to process/);
    });
  });

  describe('forms', () => {
    const env = new Map([
      ['HOME', '/root'],
      ['EMPTY', ''],
    ]);
    it('expands $VAR and ${VAR}, unset as empty', () => {
      assert.equal(processWord('$HOME/x${HOME}y$NOPE.', env), '/root/x/rooty.');
    });
    it('applies :- and :+ to unset and empty variables alike', () => {
      assert.equal(processWord('${EMPTY:-d}|${NOPE:-d}|${HOME:-d}', env), 'd|d|/root');
      assert.equal(processWord('${EMPTY:+s}|${NOPE:+s}|${HOME:+s}', env), '||s');
    });
    it('refuses ${VAR-word} and ${VAR+word} as Docker 20.10 does, and accepts them when asked', () => {
      assert.equal(
        expansionError(() => processWord('${NOPE-d}', env)),
        'failed to process "${NOPE-d}": missing \':\' in substitution',
      );
      const modern = { colonlessModifiers: true };
      assert.equal(processWord('${EMPTY-d}|${NOPE-d}|${HOME-d}', env, modern), '|d|/root');
      assert.equal(processWord('${EMPTY+s}|${NOPE+s}|${HOME+s}', env, modern), 's||s');
    });
    it('checks ${VAR?msg} and ${VAR:?msg}', () => {
      assert.equal(expansionError(() => processWord('${NOPE?gone}', env)), 'failed to process "${NOPE?gone}": NOPE: gone');
      assert.equal(
        expansionError(() => processWord('${EMPTY:?}', env)),
        'failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty',
      );
      assert.equal(processWord('${EMPTY?}', env), '');
    });
    it('removes quotes; single quotes stop expansion, double quotes do not', () => {
      assert.equal(processWord(`"$HOME" '$HOME' "a  b"`, env), `/root $HOME a  b`);
      assert.deepEqual(processWords(`"a  b" c\\ d 'e f'`, env), ['a  b', 'c d', 'e f']);
    });
    it('uses the escape token from the escape directive', () => {
      const backtick = { escapeToken: '`' } as const;
      assert.equal(processWord('`$HOME c:\\dir', env, backtick), '$HOME c:\\dir');
      assert.equal(processWord('"a`"b"', env, backtick), 'a"b');
    });
    it('reports syntax errors with Docker\'s texts', () => {
      assert.equal(expansionError(() => processWord('${aaa', env)), 'failed to process "${aaa": missing \':\' in substitution');
      assert.equal(
        expansionError(() => processWord('${aaa:-bbb', env)),
        'failed to process "${aaa:-bbb": syntax error: missing \'}\'',
      );
      assert.equal(expansionError(() => processWord('${}', env)), 'failed to process "${}": syntax error: bad substitution');
      assert.equal(
        expansionError(() => processWord('${a:=b}', env)),
        'failed to process "${a:=b}": unsupported modifier (=) in substitution',
      );
      assert.equal(
        expansionError(() => processWord('"open', env)),
        'failed to process "\\"open": unexpected end of statement while looking for matching double-quote',
      );
    });
    it('splits expanded values into words, keeping quoted ones whole', () => {
      const spaced = ['PORTS=80  443'];
      assert.deepEqual(processWords('$PORTS 8080', spaced), ['80', '443', '8080']);
      assert.deepEqual(processWords('"$PORTS"', spaced), ['80  443']);
    });
    it('lets later KEY=value entries win, as Docker\'s BuildEnvs does', () => {
      assert.deepEqual([...buildEnvs(['a=1', 'b', 'a=2'])], [
        ['a', '2'],
        ['b', ''],
      ]);
    });
  });
});
