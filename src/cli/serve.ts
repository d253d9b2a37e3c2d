/** `npm start`: the local preview with live reload (src/pipeline/preview-server.ts), on PORT (8080). */
import { startPreview } from "../pipeline/preview-server.ts";

await startPreview(Number(process.env.PORT ?? 8080));
