/**
 * Where an imported page belongs on this site: the channel its breadcrumb names (in either script, folded as search
 * folds text), whether a channel given on the command line is one of the site's, and the script its text is in.
 */
import type { SiteConfig } from "../content/site-config.ts";
import { searchCharTable } from "../search/char-table.ts";
import { createNormalizer } from "../search/normalize.ts";

/** A channel named in a page's breadcrumb, in either script (folded as search folds text), as the site writes it. */
export function channelFinder(site: SiteConfig): (text: string) => string | undefined {
  const fold = createNormalizer(searchCharTable());
  const names = site.channels.map((c) => ({ name: c.name, folded: fold(c.name) }));
  return (text) => {
    const folded = fold(text);
    let best: { name: string; at: number } | undefined;
    for (const { name, folded: n } of names) {
      const at = folded.indexOf(n);
      if (at !== -1 && (!best || at < best.at)) best = { name, at };
    }
    return best?.name;
  };
}

/** Why `channel` is no channel of `site` (an importer's --channel), or undefined. */
export function channelProblem(site: SiteConfig, channel: string): string | undefined {
  if (site.channels.some((c) => c.name === channel)) return undefined;
  const names = site.channels.map((c) => c.name);
  return `「${channel}」不是本站的欄目；可用：${names.join("、")} ("${channel}" is not a channel of this site; use one of: ${names.join(", ")})`;
}

/** zh-Hans when the text uses more simplified-only than traditional-only characters. */
export function detectScript(text: string): "zh-Hant" | "zh-Hans" {
  const table = searchCharTable();
  const traditional = new Set(table.from);
  const simplified = new Set(table.to);
  let t = 0;
  let s = 0;
  for (const char of text) {
    if (traditional.has(char)) t++;
    else if (simplified.has(char)) s++;
  }
  return s > t ? "zh-Hans" : "zh-Hant";
}

/** Something an imported article's field needs an editor's hand for. */
