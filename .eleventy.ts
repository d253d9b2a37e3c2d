/**
 * Eleventy configuration: wiring only. What each part does lives in src/ (see README, "Where things live").
 * Run through tsx: `tsx node_modules/.bin/eleventy --config=.eleventy.ts`, or `npm run build` / `npm start`.
 * https://www.11ty.dev/docs/config/
 */
import type { UserConfig } from "@11ty/eleventy";
import { copiesAssets, portalSource } from "./src/pipeline/portal-source.ts";
import { ELEVENTY_INPUT } from "./src/eleventy/input.ts";
import { portalPlugin } from "./src/eleventy/portal-plugin.ts";

export default function (eleventyConfig: UserConfig) {
  // Editor files are read by src/content, never by Eleventy as templates or data (content never runs code): the
  // input is ELEVENTY_INPUT, and content/ is ignored as well should anyone point Eleventy at it.
  eleventyConfig.ignores.add("content/**");
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  // A build rendered in several batches copies public/ once.
  if (copiesAssets()) eleventyConfig.addPassthroughCopy({ public: "/" });
  eleventyConfig.addWatchTarget("content/**/*.{md,yaml}");
  eleventyConfig.addPlugin(portalPlugin, { portal: () => portalSource(process.cwd()) });
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
