/** `npm start [-- --host ADDRESS] [--port N]`: the local preview with live reload (src/server/preview.ts), on loopback. */
import { startPreview } from "../server/preview.ts";
import { serverAddress } from "../server/server-options.ts";

const server = await startPreview(serverAddress("start"));
console.log(`預覽 (preview): ${server.url}/`);
