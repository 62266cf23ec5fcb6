// Names docker generates for unnamed containers (moby's namesgenerator: `<adjective>_<surname>`, with a digit
// appended on a clash). Each distinct name gets a placeholder in order of first appearance.

import type { PlaceholderMap } from './placeholder-map.js';

/** The left-hand words of moby's namesgenerator (all versions since 1.x, merged). */
const NAME_ADJECTIVES: readonly string[] = (
  'admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy calm ' +
  'charming clever compassionate competent condescending confident cool cranky crazy dazzling determined ' +
  'distracted dreamy eager ecstatic elastic elated elegant eloquent epic exciting fervent festive flamboyant ' +
  'focused friendly frosty funny gallant gifted goofy gracious great happy hardcore heuristic hopeful hungry ' +
  'infallible inspiring intelligent interesting jolly jovial keen kind laughing loving lucid magical modest ' +
  'musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive ' +
  'practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp silly sleepy stoic ' +
  'strange stupefied suspicious sweet tender thirsty trusting unruffled upbeat vibrant vigilant vigorous ' +
  'wizardly wonderful xenodochial youthful zealous zen'
).split(' ');

/** A generated name (global: use with matchAll / replace). */
export const NAME_PATTERN = new RegExp(`(?<![\\w.-])(?:${NAME_ADJECTIVES.join('|')})_[a-z]+\\d?(?![\\w.-])`, 'g');

/** `hungry_villani` → `<NAME1>`. */
export function replaceGeneratedNames(text: string, names: PlaceholderMap): string {
  return text.replace(NAME_PATTERN, (name) => names.placeholderFor(name));
}
