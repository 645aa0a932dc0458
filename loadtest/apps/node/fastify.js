// The Fastify app of the load test (a reference point), one process, EJS views via @fastify/view.
// @fastify/view caches compiled templates when NODE_ENV=production (the harness sets it).
import Fastify from 'fastify'
import view from '@fastify/view'
import ejs from 'ejs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  IO_DELAY_MS, WORLD_BY_ID, WORLD_RANGE, createPool, crunch, queryCount, queryWorlds, randomId, templateRange, world
} from './shared.js'

const pool = createPool()
const app = Fastify({ logger: false })
await app.register(view, { engine: { ejs }, root: join(import.meta.dirname, 'views') })

app.get('/json', async () => ({ message: 'Hello, World!' }))

app.get('/plaintext', async () => 'Hello, World!')

app.get('/db', async () => {
  const { rows: [row] } = await pool.query(WORLD_BY_ID, [randomId()])
  return world(row)
})

app.get('/queries', async (request) => queryWorlds(pool, queryCount(request.query.n)))

app.get('/template', async (request, reply) => {
  const { rows } = await pool.query(WORLD_RANGE, templateRange())
  return reply.viewAsync('world.ejs', { rows: rows.map(world) })
})

app.get('/io', async () => {
  await sleep(IO_DELAY_MS)
  return { waited_ms: IO_DELAY_MS }
})

app.get('/cpu', async () => ({ result: crunch() }))

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
