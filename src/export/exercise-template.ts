// The exercise `drydock init exercise NAME` starts a teacher with: one that grades on the simulator as it is
// (a reference scoring full marks, a wrong submission losing exactly the points of one check), so the teacher
// edits something that works and `drydock verify` says at once when an edit breaks it.

/** The files of a new exercise, by path relative to its folder. */
export function exerciseTemplate(name: string, schemaPath: string): Record<string, string> {
  const title = name.replace(/[-_]+/g, ' ');
  return {
    'exercise.yaml': `# yaml-language-server: $schema=${schemaPath}
# An exercise: a scenario whose \`- submission: true\` step is where a student's commands go, and whose checks
# carry points, a hint shown when they fail, and a visibility (visible, hidden, after_due_date).
name: ${JSON.stringify(title)}
description: |
  Start a container named web from the ubuntu image that keeps running in the background (-dit), with the
  environment variable GREETING=hello. Then create the file /tmp/ready inside it.
exercise: { title: ${JSON.stringify(title)}, timeLimit: "20s" }
steps:
  - submission: true
checks:
  - name: web is running
    containers: { running: [web] }
    points: 2
    hint: "docker run -dit --name web ubuntu keeps a shell running in the background"
  - name: web has GREETING=hello
    inspect: { container: web, path: Config.Env, contains: GREETING=hello }
    points: 1
    hint: "Set the variable when the container is made: docker run -e GREETING=hello …"
  - name: /tmp/ready exists in web
    file: { container: web, path: /tmp/ready, type: file }
    points: 1
    visibility: hidden
    hint: "docker exec web touch /tmp/ready"
`,
    'submissions/reference/commands.sh': `# The reference solution: \`drydock verify\` requires it to score full marks.
docker run -dit --name web -e GREETING=hello ubuntu
docker exec web touch /tmp/ready
`,
    'submissions/forgot-env/commands.sh': `# A wrong submission: no GREETING, so it loses that check's point (pinned in pins.yaml).
docker run -dit --name web ubuntu
docker exec web touch /tmp/ready
`,
    'pins.yaml': `# drydock verify: the score each folder in submissions/ must get ("full": the exercise's whole max score).
# Add a folder for each mistake students make, and pin what it must score.
reference: full
forgot-env: 3
`,
  };
}
