/**
 * Wraps text the user wrote (a guide title, a name) in Unicode first-strong isolates before it goes
 * into a translated sentence, so a French title inside an Arabic sentence keeps its own direction
 * and the quotes around it stay where the sentence put them.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
