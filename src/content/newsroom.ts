/**
 * Checks a site inspection punishes (國辦秘函〔2019〕19號): a site or a channel left without a new article for more
 * than `checks.staleDays` days, and a channel with no article at all. Each is a warning unless site.yaml's `checks`
 * makes it an error.
 */
import type { DateTime } from "luxon";
import { formatDisplay } from "../dates.ts";
import type { Article } from "./article.ts";
import type { Problem } from "./problems.ts";
import type { SiteConfig } from "./site-config.ts";
import { SITE_FILE } from "./site-file.ts";

const DAY = 24 * 3600 * 1000;

/** The problems of `articles` against `site`'s channels at the reference time `now`. */
export function newsroomProblems(site: SiteConfig, articles: readonly Article[], now: DateTime, lines: Record<string, number>): Problem[] {
  const { staleDays } = site.checks;
  const newest = new Map<string, Article>();
  for (const a of articles) {
    if (a.draft || a.date > now) continue;
    const held = newest.get(a.channel.name);
    if (!held || a.date > held.date) newest.set(a.channel.name, a);
  }
  const problems: Problem[] = [];
  const at = { file: SITE_FILE, line: lines.channels ?? 1, field: "channels" };
  const day = (a: Article) => formatDisplay(a.date, site.timeZone).slice(0, 10);
  const age = (a: Article) => Math.floor((now.toMillis() - a.date.toMillis()) / DAY);
  for (const channel of site.channels) {
    const last = newest.get(channel.name);
    if (!last) {
      problems.push({ severity: site.checks.emptyChannels, kind: "empty-channel", ...at,
        message: `欄目「${channel.name}」還沒有發布的文章 (channel ${channel.name} has no published article)` });
    } else if (age(last) > staleDays) {
      problems.push({ severity: site.checks.staleChannels, kind: "stale-channel", ...at,
        message: `欄目「${channel.name}」最近的文章是 ${day(last)}，已 ${age(last)} 天沒有更新，超過 ${staleDays} 天 (channel ${channel.name} has had no new article since ${day(last)}, ${age(last)} days; checks.staleDays is ${staleDays})` });
    }
  }
  const latest = [...newest.values()].sort((a, b) => b.date.toMillis() - a.date.toMillis())[0];
  if (latest && age(latest) > staleDays) {
    problems.push({ severity: site.checks.staleChannels, kind: "stale-channel", file: SITE_FILE, line: 1, field: "site",
      message: `全站最近的文章是 ${day(latest)}（${latest.file}），首頁已 ${age(latest)} 天沒有更新，超過 ${staleDays} 天 (the home page's newest article is from ${day(latest)}, ${age(latest)} days ago)` });
  }
  return problems;
}
