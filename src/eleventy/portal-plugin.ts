/**
 * The Eleventy plugin that writes the portal: one virtual template per kind of page, each paginated over the
 * prepared pages of src/portal. No editor file is ever an Eleventy template, so front-matter is never run and an
 * article body is never rendered by a template engine.
 * https://www.11ty.dev/docs/virtual-templates/ and https://www.11ty.dev/docs/pagination/
 */
import type { UserConfig } from "@11ty/eleventy";
import { READER_BOOT } from "../browser/boot.ts";
import type { PortalBatch } from "../pipeline/portal-source.ts";
import { outputPath, paths } from "../portal/urls.ts";

export interface PortalPluginOptions {
  /** Called at the start of every build (every rebuild in preview), so the data is always fresh. */
  portal: () => Promise<PortalBatch>;
}

type PageData = { p: { outputPath: string } };

/** Each kind of page: which prepared pages it paginates over and the template that prints one. */
const KINDS: { name: string; pick: (portal: PortalBatch) => unknown[]; template: string }[] = [
  { name: "home", pick: (x) => x.home, template: '{% extends "pages/home.njk" %}' },
  { name: "article", pick: (x) => x.articles, template: '{% extends "pages/article.njk" %}' },
  { name: "list", pick: (x) => x.lists, template: '{% extends "pages/list.njk" %}' },
  { name: "archive", pick: (x) => x.archives, template: '{% extends "pages/archive.njk" %}' },
  { name: "page", pick: (x) => x.pages, template: '{% extends "pages/page.njk" %}' },
  { name: "search", pick: (x) => x.search, template: '{% extends "pages/search.njk" %}' },
  { name: "errors", pick: (x) => x.errors ?? [], template: '{% include "pages/errors.njk" %}' },
  {
    name: "file",
    pick: (x) => [...x.files, ...x.assets.map((a) => ({ outputPath: outputPath(paths.asset(a.name)), body: a.body }))],
    template: "{{ p.body | safe }}",
  },
];

export function portalPlugin(config: UserConfig, options: PortalPluginOptions): void {
  config.addGlobalData("boot", READER_BOOT);
  // Pictures are encoded after the pages are written, into the same output folder.
  let current: PortalBatch | undefined;
  config.on("eleventy.after", async (event) => {
    // `directories` is the normalised set (the output given to the programmatic API); `dir` is the config's.
    const { directories } = event as { directories: { output: string } };
    // eleventy-img (and sharp) load only for a portal with pictures.
    if (current && current.images.length > 0) {
      const { writeImages } = await import("../pipeline/images.ts");
      await writeImages(current.images, directories.output, current.pathPrefix);
    }
  });
  config.addGlobalData("broadsheet", async () => {
    const portal = await options.portal();
    current = portal;
    // The batch holds only the pages to render (the build cache, or the preview, has the others).
    return Object.fromEntries(KINDS.map((kind) => [kind.name, kind.pick(portal)]));
  });
  for (const kind of KINDS) {
    config.addTemplate(`_broadsheet/${kind.name}.njk`, kind.template, {
      pagination: { data: `broadsheet.${kind.name}`, size: 1, alias: "p", addAllPagesToCollections: false },
      permalink: (data: PageData) => data.p.outputPath,
      eleventyExcludeFromCollections: true,
    });
  }
}
