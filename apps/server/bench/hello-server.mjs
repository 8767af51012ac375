/**
 * The baseline of the benchmark: a bare Fastify hello world, plain JavaScript on plain Node — as
 * the compiled server runs (`npm start`).
 * With `BARE_ANSWER` (a lookup answer's JSON) it also answers `POST /api/routes/lookup` with that
 * fixed answer: the lookup's request and answer with nothing else, for reference.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
app.get('/', async () => ({ hello: 'world' }));
const answer = process.env.BARE_ANSWER ? JSON.parse(process.env.BARE_ANSWER) : null;
if (answer) app.post('/api/routes/lookup', async () => answer);
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
