/**
 * The command line of `npm start` and `npm run cms`: `--host ADDRESS` (loopback unless given) and `--port N` (else
 * PORT, else 8080). What is wrong is said in one line, without a stack.
 */
import { parseArgs } from "node:util";
import { listenAddress, type ListenAddress } from "./request-guard.ts";

export function serverAddress(command: string, argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): ListenAddress {
  let values: { host?: string; port?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { host: { type: "string" }, port: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${command}: ${(error as Error).message}；用法 (usage): npm ${command === "start" ? "start" : `run ${command}`} -- [--host 地址] [--port 端口]`);
    process.exit(2);
  }
  const address = listenAddress(values.host, values.port ?? env.PORT);
  if ("error" in address) {
    console.error(`${command}: ${address.error}`);
    process.exit(2);
  }
  if (address.warning) console.warn(address.warning);
  return address;
}
