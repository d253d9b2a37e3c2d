/**
 * The parts of Eleventy 3's API that Broadsheet uses (Eleventy ships no type declarations).
 * https://www.11ty.dev/docs/config/ and https://www.11ty.dev/docs/programmatic/
 */
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPassthroughCopy(map: string | Record<string, string>): void;
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void | Promise<void>, options?: T): void;
    addWatchTarget(target: string): void;
    setChokidarConfig(options: Record<string, unknown>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    setTemplateFormats(formats: string[] | string): void;
    ignores: Set<string>;
    watchIgnores: Set<string>;
    on(event: string, callback: (...args: unknown[]) => unknown): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    config?: (config: UserConfig) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    init(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    /** The chokidar watcher, once watch() has run. */
    watcher?: { on(event: string, listener: (path: string) => void): void };
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}

/** The parts of @11ty/eleventy-img 6 used by src/content/images.ts. https://www.11ty.dev/docs/plugins/image/ */
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    urlPath?: string;
    outputDir?: string;
    svgShortCircuit?: boolean;
  }
  export interface ImageEntry {
    url: string;
    width: number;
    height: number;
    format: string;
    outputPath: string;
    filename: string;
  }
  export type ImageMetadata = Record<string, ImageEntry[]>;
  interface ImageFunction {
    (src: string, options: ImageOptions): Promise<ImageMetadata>;
    statsSync(src: string, options: ImageOptions): ImageMetadata;
    generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
  }
  const Image: ImageFunction;
  export default Image;
}
