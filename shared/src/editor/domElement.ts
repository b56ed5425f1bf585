/**
 * The little of a DOM element the schema's parse rules read. Shared has no DOM library (it runs on
 * the server too), so parse rules are typed against this shape.
 */
export interface ParsedElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): ParsedElement | null;
  textContent: string | null;
}
