/**
 * `npm run demo` (see scenario.ts for what it shows, and e2e/README.md). Video recording is set up
 * first, because Playwright reads where its tools live when it loads.
 */
import { prepareVideo } from './video';

const video = await prepareVideo();
const { runDemo } = await import('./scenario');
await runDemo({ video });
