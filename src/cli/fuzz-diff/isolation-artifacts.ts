// What drydock's isolation itself adds on the real engine and a scenario never asked for: the drydock.run,
// drydock.managed and drydock.content labels, and the stand-in images' bookkeeping tag drydock/content:…. They
// show wherever a generated format prints labels or tags as JSON, so they are taken out of the real side's
// output before comparing; nothing the simulator models is touched.

const LABEL_MEMBER = /"drydock\.(?:run|managed|content)":"[^"]*",?/gu;
// other runs' tags of a shared stand-in (runs go in parallel) are theirs, not this run's
const CONTENT_TAG = /,?"(?:drydock\/content:|drydock-run-[0-9a-z]+\/)[^"]*"/gu;

/** The real engine's output without the isolation's own labels and tags. */
export function dropIsolationArtifacts(text: string): string {
  return text
    .replace(LABEL_MEMBER, '')
    .replace(CONTENT_TAG, '')
    .replace(/,\}/gu, '}')
    .replace(/\[,/gu, '[')
}
