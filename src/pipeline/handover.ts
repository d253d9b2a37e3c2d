/**
 * How the Eleventy configuration (.eleventy.ts) gets the portal: the one place in the project with module-level
 * state that decides what is built (elsewhere, module-level values are caches of pure functions). A render process of the build hands its batch over before Eleventy loads the configuration; without one
 * (the preview server), the preview session loads the content itself on every rebuild.
 */
import type { PortalBatch } from "../eleventy/batch.ts";
import type { PortalPluginOptions } from "../eleventy/portal-plugin.ts";

let expected: { batch: Promise<PortalBatch>; copyAssets: boolean; give: (batch: PortalBatch) => void } | undefined;
let preview: (() => Promise<PortalBatch>) | undefined;

/**
 * Called by a render process (src/pipeline/render-worker.ts) before it loads Eleventy's configuration: the batch
 * comes later (`handOver`), and whether this process copies public/ (the first batch does) is known now.
 */
export function expectHandOver(copyAssets: boolean): void {
  let give: (batch: PortalBatch) => void = () => undefined;
  const batch = new Promise<PortalBatch>((resolve) => (give = resolve));
  expected = { batch, copyAssets, give };
}

/** Gives the render process's Eleventy run its batch. */
export function handOver(batch: PortalBatch): void {
  if (!expected || batch.copyAssets !== expected.copyAssets) throw new Error("a render process was handed a batch it was not started for");
  expected.give(batch);
}

/** The portal plugin's options for this Eleventy run: the handed-over batch, or else the preview's portal. */
export function portalPluginOptions(root: string): PortalPluginOptions {
  if (expected) {
    const { batch, copyAssets } = expected;
    return { portal: () => batch, copyAssets };
  }
  return {
    copyAssets: true,
    portal: async () => {
      // The preview's code (it reads content) loads only here: a render process needs none of it.
      preview ??= (await import("./preview-portal.ts")).previewSession(root);
      return preview();
    },
  };
}
