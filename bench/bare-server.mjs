// The baseline: bare Fastify + a pg Pool running the same SQL as the API's
// participant lookup, returning the same JSON. Started by bench/run.mjs.
import Fastify from 'fastify';
import pg from 'pg';
import { PARTICIPANT_BY_ID_SQL } from '../dist/src/modules/participants/participants.repository.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

app.get('/councils/:councilId/participants/:participantId', async (req, reply) => {
  const { councilId, participantId } = req.params;
  if (!UUID.test(councilId) || !UUID.test(participantId)) return reply.code(400).send({ statusCode: 400 });
  const { rows } = await pool.query(PARTICIPANT_BY_ID_SQL, [participantId, councilId]);
  const r = rows[0];
  if (!r) return reply.code(404).send({ statusCode: 404 });
  return {
    id: r.id,
    councilId: r.council_id,
    kind: r.kind,
    name: r.name,
    isoCode: r.iso_code,
    category: r.category,
    rotationPosition: r.rotation_position,
    status: r.status,
    timeZone: r.time_zone,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
process.on('disconnect', () => process.exit(0));
