// Relative times from go-units' HumanDuration: `Less than a second ago`, `5 minutes ago`, `Up 9 seconds`,
// `About a minute ago`. They depend on when the command ran, not on what docker did.

const DURATION = String.raw`(?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?)`;
const AGO = new RegExp(`${DURATION} ago\\b`, 'g');
const UP = new RegExp(`\\bUp ${DURATION}`, 'g');

/** `<duration> ago` → `<AGO>`, `Up <duration>` → `Up <DURATION>`. */
export function replaceRelativeTimes(text: string): string {
  return text.replace(AGO, '<AGO>').replace(UP, 'Up <DURATION>');
}
