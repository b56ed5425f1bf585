/**
 * linkedom compiles a selector with css-select on every `matches()` call, and ProseMirror's DOM
 * parser calls `matches()` for each element against each of the schema's tag rules: on the bench's
 * 100-page file, compiling selectors took more time than parsing the document. The rules are
 * simple selectors (`p`, `a[href]`, `figure[data-figure]`), so those are compiled once into a
 * plain test here; any other selector (combinators, pseudo-classes, attribute values) still goes
 * to linkedom's own `matches`.
 */

interface ElementLike {
  localName: string;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}
type Test = (el: ElementLike) => boolean;

const COMPOUND = /^([a-z][a-z0-9-]*|\*)?((?:\[[a-z_][-a-z0-9_]*\]|\.[-_a-z0-9]+)*)$/i;
const PART = /\[([-a-z0-9_]+)\]|\.([-_a-z0-9]+)/gi;

function compile(selectors: string): Test | null {
  const tests: Test[] = [];
  for (const raw of selectors.split(',')) {
    const compound = COMPOUND.exec(raw.trim());
    if (!compound || !raw.trim()) return null;
    const tag = compound[1] && compound[1] !== '*' ? compound[1].toLowerCase() : null;
    const attributes: string[] = [];
    const classes: string[] = [];
    for (const part of (compound[2] ?? '').matchAll(PART)) {
      if (part[1]) attributes.push(part[1].toLowerCase());
      else classes.push(part[2]!);
    }
    tests.push((el) => {
      if (tag !== null && el.localName.toLowerCase() !== tag) return false;
      for (const name of attributes) if (!el.hasAttribute(name)) return false;
      if (classes.length > 0) {
        const list = (el.getAttribute('class') ?? '').split(/[ \t\n\f\r]+/);
        for (const name of classes) if (!list.includes(name)) return false;
      }
      return true;
    });
  }
  return tests.length === 1 ? tests[0]! : (el) => tests.some((test) => test(el));
}

const installed = new WeakSet<object>();

/** Makes `matches()` of every element of linkedom's documents use compiled simple selectors. */
export function installSimpleSelectorMatching(element: object): void {
  let proto: object | null = Object.getPrototypeOf(element);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'matches')) proto = Object.getPrototypeOf(proto);
  if (!proto || installed.has(proto)) return;
  installed.add(proto);
  const owner = proto as { matches(this: ElementLike, selectors: string): boolean };
  const original = owner.matches;
  const compiled = new Map<string, Test | null>();
  owner.matches = function matches(this: ElementLike, selectors: string): boolean {
    let test = compiled.get(selectors);
    if (test === undefined) {
      test = compile(selectors);
      compiled.set(selectors, test);
    }
    return test ? test(this) : original.call(this, selectors);
  };
}
