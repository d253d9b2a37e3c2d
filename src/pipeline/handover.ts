/**
 * How the Eleventy configuration (.eleventy.ts) gets the portal: the one place in the project with module-level
 * state that decides what is built (elsewhere, module-level values are caches of pure functions). A render process of the build hands its batch over before Eleventy loads the configuration; without one
 * (the preview server), the preview session loads the content itself on every rebuild.
 */
import type { PortalBatch } from "../eleventy/batch.ts";
import type { PortalPluginOptions } from "../eleventy/portal-plugin.ts";

let handedOver: PortalBatch | undefined;
let preview: (() => Promise<PortalBatch>) | undefined;

/** Called by a render process (src/pipeline/render-worker.ts) before it starts Eleventy. */
export function handOver(batch: PortalBatch): void {
  handedOver = batch;
}

/** The portal plugin's options for this Eleventy run: the handed-over batch, or else the preview's portal. */
export function portalPluginOptions(root: string): PortalPluginOptions {
  const batch = handedOver;
  if (batch) return { portal: async () => batch, copyAssets: batch.copyAssets };
  return {
    copyAssets: true,
    portal: async () => {
      // The preview's code (it reads content) loads only here: a render process needs none of it.
      preview ??= (await import("./preview-portal.ts")).previewSession(root);
      return preview();
    },
  };
}
