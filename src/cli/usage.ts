// The usage text of `drydock` itself: the commands, and where each one's own help is.

/** `drydock --help`. */
export const USAGE = `Usage: drydock <command> [options]

Commands:
  run [paths…]        run scenarios (files, folders, globs; default scenarios/)
  validate [paths…]   check scenarios without running them
  schema              print the scenario JSON Schema
  docker <args…>      run one docker command on the simulator's saved state
  clean [--all]       remove what killed real-engine runs left (by drydock's labels and name prefixes)
  compare SCRIPT      run a shell script with \`docker\` on the simulator and on the real engine; diff them
  grade EXERCISE SUBMISSIONS…  grade students' submissions
  claims [paths…]     run the notes' claim scenarios and write reports/claims.{html,json}
  export PLATFORM EXERCISE --out PATH  package an exercise for gradescope, prairielearn or github-classroom
  autograde PLATFORM EXERCISE SUBMISSION --results FILE  grade one submission into a platform's results file
  init exercise NAME  scaffold an exercise: exercise.yaml, a reference and a wrong submission, pins.yaml
  verify [exercises…] the reference scores full marks, each wrong submission its pinned score
  check EXERCISE [SUBMISSION]  a student's self-check: the visible checks only
  playground build|serve [exercises…]  the exercises as a static site: a docker terminal in the browser
  daemon start|stop|status  a resident simulator: \`drydock docker\` answers in milliseconds
  help [command]      this help, or a command's

Options:
  -h, --help          this help
  -v, --version       print drydock's version

Run 'drydock <command> --help' for a command's arguments, options and examples.

Exit codes: 0 all passed, 1 a scenario failed, 2 bad input or usage, 70 an internal error (a bug).
`;
