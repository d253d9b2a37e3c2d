/**
 * The Eleventy plugin that writes the portal: one virtual template per kind of page, each paginated over the
 * batch's pages of that kind. No editor file is ever an Eleventy template, so front-matter is never run and an
 * article body is never rendered by a template engine.
 * https://www.11ty.dev/docs/virtual-templates/ and https://www.11ty.dev/docs/pagination/
 */
import type { UserConfig } from "@11ty/eleventy";
import path from "node:path";
import { READER_BOOT } from "../browser/boot.ts";
import { ADMIN_FOLDER, decapDist } from "../portal/admin.ts";
import type { PageKind } from "../portal/types.ts";
import { outputPath, paths } from "../portal/urls.ts";
import type { PortalBatch } from "./batch.ts";

export interface PortalPluginOptions {
  /** Called at the start of every Eleventy run (every rebuild in preview), so the data is always fresh. */
  portal: () => Promise<PortalBatch>;
  /** Whether this run copies public/ into the output. */
  copyAssets: boolean;
}

/** The template (under templates/) that prints each kind of page. */
const TEMPLATES: Record<PageKind, string> = {
  home: "pages/home.njk",
  article: "pages/article.njk",
  channel: "pages/list.njk",
  tag: "pages/list.njk",
  month: "pages/list.njk",
  archive: "pages/archive.njk",
  page: "pages/page.njk",
  search: "pages/search.njk",
};
const KINDS = Object.keys(TEMPLATES) as PageKind[];

type PageData = { p: { outputPath: string } };

export function portalPlugin(config: UserConfig, options: PortalPluginOptions): void {
  config.addGlobalData("boot", READER_BOOT);
  if (options.copyAssets) {
    config.addPassthroughCopy({ public: "/" });
    // The web editor's Decap CMS bundle, served from the site itself (src/portal/admin.ts).
    const decap = decapDist();
    for (const glob of decap.globs) config.addPassthroughCopy({ [path.join(decap.dir, glob)]: ADMIN_FOLDER });
  }
  // Pictures are encoded after the pages are written, into the same output folder.
  let current: PortalBatch | undefined;
  config.on("eleventy.after", async (event) => {
    // `directories` is the normalised set (the output given to the programmatic API); `dir` is the config's.
    const { directories } = event as { directories: { output: string } };
    // eleventy-img (and sharp) load only for a portal with pictures.
    if (current && current.images.length > 0) {
      const { writeImages } = await import("./images.ts");
      await writeImages(current.images, directories.output, current.pathPrefix);
    }
  });
  config.addGlobalData("broadsheet", async () => {
    const batch = await options.portal();
    current = batch;
    return {
      ...Object.fromEntries(KINDS.map((kind) => [kind, batch.pages.filter((page) => page.kind === kind)])),
      errors: batch.errors ?? [],
      file: [...batch.files, ...batch.assets.map((a) => ({ outputPath: outputPath(paths.asset(a.name)), body: a.body }))],
    };
  });
  const templates: [string, string][] = [
    ...KINDS.map((kind): [string, string] => [kind, `{% extends "${TEMPLATES[kind]}" %}`]),
    ["errors", '{% include "pages/errors.njk" %}'],
    ["file", "{{ p.body | safe }}"],
  ];
  for (const [name, template] of templates) {
    config.addTemplate(`_broadsheet/${name}.njk`, template, {
      pagination: { data: `broadsheet.${name}`, size: 1, alias: "p", addAllPagesToCollections: false },
      permalink: (data: PageData) => data.p.outputPath,
      eleventyExcludeFromCollections: true,
    });
  }
}
