/**
 * A parsed legacy page walked without recursion: node-html-parser's own `textContent` and `querySelectorAll` call
 * themselves once a level, and an old page with unclosed tags (thousands of `<div>` or `<font>` inside one another)
 * overflows the stack. Here the elements are listed once in document order with an explicit stack, the length of
 * each element's text is added up from its children, and the text itself is made only for the elements asked for.
 */
import { NodeType, type HTMLElement, type Node } from "node-html-parser";

export interface PageTree {
  /** Every element outside the skipped ones, in document order. */
  elements: HTMLElement[];
  /** An element's text (its text nodes, decoded, in order). */
  text(el: HTMLElement): string;
  /** The length of an element's text, without making it. */
  length(el: HTMLElement): number;
}

/** The tree under `root`, leaving out elements of the `skip` tags (lower case) and everything inside them. */
export function pageTree(root: HTMLElement, skip: ReadonlySet<string>): PageTree {
  const elements: HTMLElement[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (el !== root && skip.has((el.rawTagName ?? "").toLowerCase())) continue;
    elements.push(el);
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
  }
  const kept = new Set(elements);
  const lengths = new Map<HTMLElement, number>();
  // Children come after their parent in document order: from the end, every child is counted before its parent.
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    let sum = 0;
    for (const child of el.childNodes) {
      if (child.nodeType === NodeType.TEXT_NODE) sum += child.text.length;
      else if (kept.has(child as HTMLElement)) sum += lengths.get(child as HTMLElement) ?? 0;
    }
    lengths.set(el, sum);
  }
  const text = (el: HTMLElement): string => {
    const parts: string[] = [];
    const pending: Node[] = [el];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.nodeType === NodeType.TEXT_NODE) parts.push(node.text);
      else if (node.nodeType === NodeType.ELEMENT_NODE && kept.has(node as HTMLElement)) {
        for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!);
      }
    }
    return parts.join("");
  };
  return { elements, text, length: (el) => lengths.get(el) ?? 0 };
}

/** Whether `el` is one of `tags`, or has one of the ids (`#content`) or classes (`.article`) of `selectors`. */
export function matches(el: HTMLElement, selectors: readonly string[]): boolean {
  const tag = (el.rawTagName ?? "").toLowerCase();
  const id = el.getAttribute("id");
  const classes = (el.getAttribute("class") ?? "").split(/\s+/);
  return selectors.some((s) => (s.startsWith("#") ? id === s.slice(1) : s.startsWith(".") ? classes.includes(s.slice(1)) : tag === s));
}
