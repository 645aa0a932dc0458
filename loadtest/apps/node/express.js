// The Express app of the load test: one process, or one per worker under express-cluster.js.
// Run with NODE_ENV=production (the harness sets it): Express then caches compiled views.
import express from 'express'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  IO_DELAY_MS, WORLD_BY_ID, WORLD_RANGE, createPool, crunch, queryCount, queryWorlds, randomId, templateRange, world
} from './shared.js'

const pool = createPool()
const app = express()
app.disable('x-powered-by') // Express' production advice
app.set('view engine', 'ejs')
app.set('views', join(import.meta.dirname, 'views'))

app.get('/json', (req, res) => {
  res.json({ message: 'Hello, World!' })
})

app.get('/plaintext', (req, res) => {
  res.type('text/plain').send('Hello, World!')
})

app.get('/db', async (req, res) => {
  const { rows: [row] } = await pool.query(WORLD_BY_ID, [randomId()])
  res.json(world(row))
})

app.get('/queries', async (req, res) => {
  res.json(await queryWorlds(pool, queryCount(req.query.n)))
})

app.get('/template', async (req, res) => {
  const { rows } = await pool.query(WORLD_RANGE, templateRange())
  res.render('world', { rows: rows.map(world) })
})

app.get('/io', async (req, res) => {
  await sleep(IO_DELAY_MS)
  res.json({ waited_ms: IO_DELAY_MS })
})

app.get('/cpu', (req, res) => {
  res.json({ result: crunch() })
})

app.listen(Number(process.env.PORT), '127.0.0.1', (error) => {
  if (error) throw error
})
