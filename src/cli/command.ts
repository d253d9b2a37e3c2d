/**
 * What every command does with its command line and with a mistake of the person who typed it: a wrong option or a
 * missing file is said in one or two lines, in Chinese and English, with the usage, and never as a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../util/user-error.ts";

/** The command line parsed by `config`, or the problem and `usage` printed and exit code 1. */
export function commandLine<T extends ParseArgsConfig>(command: string, usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = (error as Error).message;
    const option = /Unknown option '(-[^']*)'/.exec(message)?.[1];
    // A short option's letter is reported alone (`-n` of `-name`): name the whole word that was typed.
    const unknown = option && (config.args ?? process.argv.slice(2)).find((a) => a.startsWith(option));
    console.error(`${command}: ${message}`);
    if (unknown && config.allowPositionals) {
      console.error(`如果「${unknown}」是文件名，寫成 ./${unknown} (if "${unknown}" is a file's name, write it as ./${unknown})`);
    }
    console.error(`用法 (usage): ${usage}`);
    process.exit(1);
  }
}

/** Runs `main`; a UserError it throws is printed as `command: message` with exit code 1, anything else is a defect. */
export async function runCommand(command: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.error(`${command}: ${error.message}`);
    process.exitCode = 1;
  }
}
