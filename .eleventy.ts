/**
 * Eleventy configuration: wiring only. What each part does lives in src/ (see README, "Where things live").
 * Run through tsx: `tsx node_modules/.bin/eleventy --config=.eleventy.ts`, or `npm run build` / `npm start`.
 * https://www.11ty.dev/docs/config/
 */
import type { UserConfig } from "@11ty/eleventy";
import { ELEVENTY_INPUT } from "./src/eleventy/input.ts";
import { portalPlugin } from "./src/eleventy/portal-plugin.ts";
import { portalPluginOptions } from "./src/pipeline/handover.ts";

export default function (eleventyConfig: UserConfig) {
  // Editor files are read by src/content, never by Eleventy as templates or data (content never runs code): the
  // input is ELEVENTY_INPUT, and content/ is ignored as well should anyone point Eleventy at it.
  eleventyConfig.ignores.add("content/**");
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.addWatchTarget("content/**/*.{md,yaml}");
  // The preview waits until a saved file has stayed the same for 50 ms (Eleventy waits 150): an editor's save is
  // one write, and the wait is part of what the editor waits for.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  // The portal to render: the batch a render process of the build was handed, or the preview's (src/pipeline/handover.ts).
  eleventyConfig.addPlugin(portalPlugin, portalPluginOptions(process.cwd()));
}

export const config = {
  dir: {
    input: ELEVENTY_INPUT,
    // Relative to the input folder.
    includes: "../../templates",
    // Global data code belongs with the templates, not with editor files.
    data: "../../templates/_data",
  },
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  dataTemplateEngine: false,
};
