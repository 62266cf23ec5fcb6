#!/usr/bin/perl
# drydock's thin client: `drydock docker …` answered by the resident daemon of the state directory (see
# `drydock daemon --help` and docs/performance.md). bin/drydock runs it when the state directory has a socket.
# Perl starts in about 2 ms where Node takes 60 ms or more; no module is loaded (not even Socket: loading it
# costs more than the rest), so the socket constants are Linux's (AF_UNIX 1, SOCK_STREAM 1). Whatever cannot
# be served this way (no daemon answering, a daemon of another drydock version, another system's constants)
# runs in process instead: `node drydock.js`, exactly as if the daemon did not exist.
#
# The protocol (src/cli/daemon/protocol.ts): a header of NUL-separated fields preceded by its length and a
# newline; one reply byte (I: send stdin, N: no stdin, F or V: run it in process); then
# "<exit> <stdout bytes> <stderr bytes>\n" and those bytes.

my @argv = @ARGV;
my $here = $0 =~ m{^(.*)/[^/]*$} ? $1 : '.';

sub in_process {
  exec 'node', "$here/drydock.js", @argv;
  print STDERR "drydock: cannot run node: $!\n";
  exit 127;
}

sub fail {
  print STDERR "drydock: $_[0]\n";
  exit 125;
}

in_process() unless @argv && $argv[0] eq 'docker';
# the physical working directory, as Node's process.cwd() gives it
my $cwd = readlink '/proc/self/cwd';
in_process() unless defined $cwd && $cwd =~ m{^/};
my $state = defined $ENV{DRYDOCK_STATE} && $ENV{DRYDOCK_STATE} ne '' ? $ENV{DRYDOCK_STATE} : '.drydock';
$state = "$cwd/$state" unless $state =~ m{^/};
my $sock = "$state/daemon.sock";
# a socket made by this user only
in_process() unless -S $sock && -o _;
open my $idf, '<', "$here/../dist/bundle/build-id" or in_process();
my $id = <$idf>;
close $idf;
chomp $id;

# a daemon gone mid-request is reported below, not a silent death by SIGPIPE
$SIG{PIPE} = 'IGNORE';
socket my $s, 1, 1, 0 or in_process();
my $ok;
if (length $sock < 108) {
  $ok = connect $s, pack('S Z108', 1, $sock);
} elsif (chdir $state) {
  # a unix socket's path is limited to 107 bytes: connect relative to the state directory instead
  $ok = connect $s, pack('S Z108', 1, 'daemon.sock');
  chdir $cwd or fail("cannot return to $cwd: $!");
}
in_process() unless $ok;

sub put {
  my ($fh, $data) = @_;
  my $off = 0;
  while ($off < length $data) {
    my $n = syswrite $fh, $data, length($data) - $off, $off;
    return 0 unless defined $n;
    $off += $n;
  }
  return 1;
}

my $flags = (-t STDIN ? 'i' : '-') . (-t STDOUT ? 'o' : '-');
my $header = join "\0", 'drydock-docker/1', $id, $cwd, $flags, scalar(@argv) - 1, @argv[1 .. $#argv], map { "$_=$ENV{$_}" } keys %ENV;
put($s, length($header) . "\n" . $header) or in_process();
my $reply = '';
sysread $s, $reply, 1;
# not served here: nothing has been read from stdin yet, so the command runs in process as it is
in_process() unless $reply eq 'I' || $reply eq 'N';
if ($reply eq 'I') {
  my $buf;
  while (1) {
    my $n = sysread STDIN, $buf, 65536;
    last unless $n;
    put($s, $buf) or last;
  }
  shutdown $s, 1;
}
my $answer = '';
while (1) {
  my $n = sysread $s, $answer, 65536, length $answer;
  last unless $n;
}
my ($code, $out, $err, $at) = $answer =~ /\A(\d+) (\d+) (\d+)\n/ ? ($1, $2, $3, $+[0]) : ();
fail("the daemon of $state stopped before it answered; the command may or may not have run (see `drydock docker ps -a`)")
  unless defined $code && length($answer) == $at + $out + $err;
$SIG{PIPE} = 'DEFAULT';
put(\*STDOUT, substr($answer, $at, $out));
put(\*STDERR, substr($answer, $at + $out, $err));
exit $code;
