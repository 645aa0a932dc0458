// What the Express and Fastify apps share: the workload constants and the /cpu loop.
// Each is mirrored in ../python/shared.py; the harness checks that every app answers
// with the same bytes, so a drift between the two files fails it. node-postgres reads
// the connection from libpq's environment (PGHOST, PGPORT, PGUSER, PGDATABASE).
import pg from 'pg'

export const WORLD_ROWS = 10_000 // ids 1..10,000 in table world
export const QUERIES_MAX = 500 // /queries?n= is clamped to 1..500
export const TEMPLATE_ROWS = 20
export const IO_DELAY_MS = 50 // the simulated upstream call of /io
export const CPU_LOOPS = 100_000 // the same loop count as in CPython
export const POOL_MAX = 10 // connections per process: node-postgres' default, and the Python apps'

export const WORLD_BY_ID = 'SELECT id, randomnumber FROM world WHERE id = $1'
export const WORLD_RANGE = 'SELECT id, randomnumber FROM world WHERE id BETWEEN $1 AND $2 ORDER BY id'

export const createPool = () => new pg.Pool({ max: POOL_MAX })

export const randomId = () => 1 + Math.floor(Math.random() * WORLD_ROWS)

// The n of /queries, clamped to 1..QUERIES_MAX; a missing or invalid n counts as 1.
export const queryCount = (n) => Math.min(Math.max(Number.parseInt(n, 10) || 1, 1), QUERIES_MAX)

// First and last id of TEMPLATE_ROWS consecutive rows at a random place.
export function templateRange () {
  const first = 1 + Math.floor(Math.random() * (WORLD_ROWS - TEMPLATE_ROWS + 1))
  return [first, first + TEMPLATE_ROWS - 1]
}

// A fixed integer loop: the same algorithm and input in every app, values stay below 2**53.
export function crunch () {
  let x = 0
  for (let i = 0; i < CPU_LOOPS; i++) {
    x = (x * 31 + i) % 1_000_003
  }
  return x
}

export const world = (row) => ({ id: row.id, randomNumber: row.randomnumber })

// 20 queries on one pooled connection, one after another, as the Python apps run them.
export async function queryWorlds (pool, n) {
  const client = await pool.connect()
  try {
    const rows = []
    for (let i = 0; i < n; i++) {
      const { rows: [row] } = await client.query(WORLD_BY_ID, [randomId()])
      rows.push(world(row))
    }
    return rows
  } finally {
    client.release()
  }
}
