/**
 * Front-matter and site.yaml values from the YAML parser's nodes, made here rather than by the parser's `toJS`, so
 * that what an editor writes is only ever text: strings, lists and maps of them. A map becomes an object with no
 * prototype, so `__proto__`, `constructor` or `toString` are keys like any other (and the schema refuses them by
 * name), never a way to give a field a value it inherits. A YAML tag (`!!js/function`, `!foo`, even `!!str`) is
 * refused on its line: the contract says values are plain text. Aliases resolve, with a cap against "billion laughs"
 * documents.
 * https://eemeli.org/yaml/#documents · https://yaml.org/spec/1.2.2/#24-tags
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { invisibleCharacters } from "./text-warnings.ts";

/** Aliases a document may resolve, in all (each resolution counts). */
export const MAX_ALIASES = 50;
/** Levels of lists and maps inside one another. */
const MAX_DEPTH = 20;

export interface ValueProblem {
  /** Offset in the YAML text, for the line. */
  offset: number;
  message: string;
  /** Set on what is only a warning: an invisible character an escape wrote (`"\u0001"`), removed from the value. */
  kind?: "control";
}

/** Aliases resolved so far in one document, shared by the calls for its fields. */
export interface AliasBudget {
  aliases: number;
}

export type Plain = string | null | Plain[] | { [key: string]: Plain };

/** A map's value as plain data; problems (tags, too many aliases, nesting) are collected, not thrown. */
export function plainValue(node: unknown, doc: Document, problems: ValueProblem[], budget: AliasBudget = { aliases: 0 }): Plain {
  const at = (n: Node | null | undefined) => n?.range?.[0] ?? 0;
  const convert = (n: unknown, depth: number): Plain => {
    if (n === null || n === undefined) return null;
    if (depth > MAX_DEPTH) {
      problems.push({ offset: at(n as Node), message: "列表或欄位套得太深 (lists and maps nest too deep)" });
      return null;
    }
    if (isAlias(n)) {
      if (++budget.aliases > MAX_ALIASES) {
        // Said once, where the cap is crossed; every later alias is simply not resolved.
        if (budget.aliases === MAX_ALIASES + 1) problems.push({ offset: at(n), message: `別名 (&、*) 用得太多，請直接寫出欄位值 (more than ${MAX_ALIASES} YAML aliases; write the values out)` });
        return null;
      }
      const target = n.resolve(doc);
      if (!target) {
        problems.push({ offset: at(n), message: `別名 *${n.source} 沒有對應的 & (the alias *${n.source} has no anchor)` });
        return null;
      }
      return convert(target, depth + 1);
    }
    const tagged = n as Node;
    if (tagged.tag !== undefined) {
      problems.push({
        offset: at(tagged),
        message: `欄位值只能是文字，不能用 YAML 標籤「${tagged.tag.replace(/^tag:yaml\.org,2002:/, "!!")}」；刪掉它 (values are plain text; the YAML tag is not allowed, remove it)`,
      });
      return null;
    }
    if (isScalar(n)) return n.value === null || n.value === undefined ? null : visible(String(n.value), at(n), problems);
    if (isSeq(n)) return n.items.map((item) => convert(item, depth + 1));
    if (isMap(n)) {
      const map: { [key: string]: Plain } = Object.create(null) as { [key: string]: Plain };
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = convert(pair.key, depth + 1);
        // A key that is not text (a list, a map) is no field's name.
        map[typeof key === "string" ? key : ""] = convert(pair.value, depth + 1);
      }
      return map;
    }
    return null;
  };
  return convert(node, 0);
}

/**
 * A scalar without the characters no page or feed can carry. The file's own bytes had them removed when it was
 * decoded; these are the ones a double-quoted escape writes (`"\u0001"`, `"\x0b"`, `"\uD800"`), each a warning.
 */
function visible(value: string, offset: number, problems: ValueProblem[]): string {
  const { text, found } = invisibleCharacters(value);
  for (const w of found) problems.push({ offset, message: w.message, kind: "control" });
  return text;
}
